package io.newsmonitor.alert.delivery;

/** Where a delivery stands: waiting for its (next) attempt, delivered, or parked after too many failed attempts. */
public enum DeliveryStatus {
  PENDING,
  DELIVERED,
  FAILED
}
