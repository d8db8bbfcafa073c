package io.newsmonitor.support.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** A resource that fails in each of the ways the mappers handle. */
@Path("/problems-test")
public class ProblemTestResource {

  public record Payload(@NotBlank String name, int count) {
  }

  @POST
  @Path("/json")
  @Consumes(MediaType.APPLICATION_JSON)
  public String json(Payload payload) {
    return payload.name();
  }

  @POST
  @Path("/validated")
  @Consumes(MediaType.APPLICATION_JSON)
  public String validated(@Valid Payload payload) {
    return payload.name();
  }

  @GET
  @Path("/thrown")
  public String thrown() {
    throw ProblemException.badField("url", "must be an absolute http or https URL");
  }

  @GET
  @Path("/database-down")
  public String databaseDown() {
    throw new IllegalStateException("could not prepare statement",
        new SQLException("Connection to localhost:5432 refused", "08001"));
  }

  @GET
  @Path("/bug")
  public String bug() {
    throw new IllegalStateException("boom");
  }
}
