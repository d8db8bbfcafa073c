package io.newsmonitor.alert.console;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcSession;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in and out. The sign-in form posts to Quarkus' form authentication ({@code quarkus.http.auth.form.*}), which
 * checks the password against the analysts of the API and sets the session cookie. With {@code CONSOLE_OIDC_ENABLED},
 * analysts sign in at the OIDC provider instead, and this page only leads there.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignIn {

  @CheckedTemplate(basePath = "console", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
  static class Templates {
    static native TemplateInstance login(boolean error, boolean atProvider);
  }

  private final SecurityIdentity identity;
  private final OidcSession providerSession;
  private final boolean atProvider;

  public SignIn(SecurityIdentity identity, OidcSession providerSession,
      @ConfigProperty(name = "quarkus.oidc.console.tenant-enabled") boolean atProvider) {
    this.identity = identity;
    this.providerSession = providerSession;
    this.atProvider = atProvider;
  }

  @GET
  public Response home() {
    return Console.seeOther("/console/inbox");
  }

  @GET
  @Path("login")
  public TemplateInstance login(@QueryParam("error") boolean error) {
    return Templates.login(error, atProvider);
  }

  /** Ends the console's session; a session at the provider lives on, as it does for the analyst's other applications. */
  @POST
  @Path("logout")
  public Response logout() {
    if (identity.getCredential(IdTokenCredential.class) != null) {
      providerSession.logout().await().indefinitely();
    } else {
      FormAuthenticationMechanism.logout(identity);
    }
    return Console.seeOther("/console/login");
  }
}
