/**
 * RFC 9457 problem details: every 4xx/5xx answer of a service's REST API is {@code application/problem+json} naming
 * what was wrong, and for bad input which field.
 */
package io.newsmonitor.support.problem;
