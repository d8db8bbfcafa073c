/**
 * The public contract between the services and with downstream systems: topic names, CloudEvents types, event
 * records and their JSON Schemas. A breaking change gets a new type version ({@code .v2}), never a silent change.
 */
package io.newsmonitor.events;
