package io.newsmonitor.alert.console;

import io.newsmonitor.alert.delivery.ChannelStatus;
import io.newsmonitor.alert.delivery.DeliveryRepository;
import io.newsmonitor.alert.delivery.DeliveryStatus;
import io.newsmonitor.alert.delivery.DeliverySummary;
import io.newsmonitor.alert.delivery.ParkedCount;
import io.newsmonitor.alert.delivery.Redrives;
import io.newsmonitor.alert.rest.CurrentAnalyst;
import io.newsmonitor.support.problem.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** How the analyst's deliveries stand per channel, the parked ones with their errors, re-driving them, and the latest ones. */
@Path("/console/deliveries")
@Produces(MediaType.TEXT_HTML)
public class DeliveriesPage {

  /** Parked deliveries listed one by one; the channel table counts them all. */
  static final int PARKED_SHOWN = 200;
  static final int RECENT_SHOWN = 50;

  @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
  static class Templates {
    static native TemplateInstance deliveries(String analyst, String flash, List<ChannelStatus> channels, List<DeliverySummary> parked,
        long parkedTotal, List<ParkedCount> parkedPerSubscription, List<DeliverySummary> recent);
  }

  private final DeliveryRepository deliveries;
  private final Redrives redrives;
  private final CurrentAnalyst analyst;

  public DeliveriesPage(DeliveryRepository deliveries, Redrives redrives, CurrentAnalyst analyst) {
    this.deliveries = deliveries;
    this.redrives = redrives;
    this.analyst = analyst;
  }

  @GET
  public TemplateInstance page(@QueryParam("redriven") Integer redriven) {
    String owner = analyst.name();
    List<ChannelStatus> channels = deliveries.channelStatus(owner);
    List<DeliverySummary> parked = deliveries.summaries(owner, Optional.empty(), Optional.empty(), Optional.of(DeliveryStatus.FAILED), PARKED_SHOWN);
    List<DeliverySummary> recent = deliveries.summaries(owner, Optional.empty(), Optional.empty(), Optional.empty(), RECENT_SHOWN);
    return Templates.deliveries(owner, flash(redriven), channels, parked, channels.stream().mapToLong(ChannelStatus::failed).sum(),
        deliveries.parkedPerSubscription(owner), recent);
  }

  @POST
  @Path("{id}/redrive")
  public Response redrive(@PathParam("id") String id) {
    try {
      redrives.redrive(analyst.name(), id);
      return redriven(1);
    } catch (ProblemException e) {
      // A second click, or a page older than the last attempt: the delivery is no longer parked, which the page then shows.
      if (e.status() == 409) {
        return redriven(0);
      }
      throw e;
    }
  }

  @POST
  @Path("redrive")
  public Response redriveSubscription(@QueryParam("subscriptionId") String subscriptionId) {
    return redriven(redrives.redriveSubscription(analyst.name(), subscriptionId));
  }

  private static Response redriven(int count) {
    return Console.seeOther("/console/deliveries?redriven=" + count);
  }

  private static String flash(Integer redriven) {
    if (redriven == null) {
      return null;
    }
    return switch (redriven) {
      case 0 -> "Nothing was re-driven: it was no longer parked.";
      case 1 -> "Re-driven 1 delivery: it is being sent again.";
      default -> "Re-driven " + redriven + " deliveries: they are being sent again.";
    };
  }
}
