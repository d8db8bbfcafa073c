package io.newsmonitor.alert.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Signing in and out. The sign-in form posts to Quarkus' form authentication ({@code quarkus.http.auth.form.*}), which
 * checks the password against the analysts of the API and sets the session cookie.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignIn {

  @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
  static class Templates {
    static native TemplateInstance login(boolean error);
  }

  private final SecurityIdentity identity;

  public SignIn(SecurityIdentity identity) {
    this.identity = identity;
  }

  @GET
  public Response home() {
    return Console.seeOther("/console/inbox");
  }

  @GET
  @Path("login")
  public TemplateInstance login(@QueryParam("error") boolean error) {
    return Templates.login(error);
  }

  @POST
  @Path("logout")
  public Response logout() {
    FormAuthenticationMechanism.logout(identity);
    return Console.seeOther("/console/login");
  }
}
