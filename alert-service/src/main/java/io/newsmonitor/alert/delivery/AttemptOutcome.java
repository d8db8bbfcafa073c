package io.newsmonitor.alert.delivery;

/**
 * The result of one attempt on any channel: delivered, or the receiver's status code (HTTP, or SMTP's reply code) and/or
 * the error.
 */
public record AttemptOutcome(boolean delivered, Integer statusCode, String error) {
}
