package io.newsmonitor.alert.console;

import io.newsmonitor.support.problem.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A console page that fails (a subscription that is not the analyst's, a form without its CSRF token, a delivery that is not
 * parked) answers a page a person can read, with the same status and explanation the API gives as problem+json.
 */
public class ConsoleErrorPages {

  @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
  static class Templates {
    static native TemplateInstance error(Problem problem);
  }

  @ServerResponseFilter(priority = Priorities.USER)
  public void toPage(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof Problem problem && Console.covers(request.getUriInfo().getPath())) {
      response.setEntity(Templates.error(problem).render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }
  }
}
