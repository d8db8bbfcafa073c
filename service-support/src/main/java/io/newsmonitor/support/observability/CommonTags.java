package io.newsmonitor.support.observability;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tags every meter of a service with {@code service=<application name>}, so that one dashboard tells the services apart. */
@Singleton
public class CommonTags {

  /** The tag naming the service on every meter. */
  public static final String SERVICE = "service";

  @Produces
  @Singleton
  MeterFilter serviceTag(@ConfigProperty(name = "quarkus.application.name") String application) {
    return MeterFilter.commonTags(Tags.of(SERVICE, application));
  }
}
