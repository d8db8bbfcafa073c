package io.newsmonitor.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.newsmonitor.infra.kafka.EmbeddedKafka;
import io.newsmonitor.infra.postgres.Postgres;
import io.newsmonitor.infra.test.RealInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code @QuarkusTest} does: our classes loaded again by another class loader must still share this JVM's servers. */
class JvmWideTests {

  @Test
  void aCopyInAnotherClassLoaderSharesTheServersOfTheSystemOne() throws Exception {
    ClassLoader quarkusLike = new ChildFirstLoader();
    Class<?> kafkaCopy = quarkusLike.loadClass(EmbeddedKafka.class.getName());
    assertNotSame(EmbeddedKafka.class, kafkaCopy);

    Object kafka = kafkaCopy.getMethod("shared").invoke(null);
    assertEquals(EmbeddedKafka.shared().bootstrapServers(), JvmWide.call(kafka, "bootstrapServers"));
    Object postgres = quarkusLike.loadClass(Postgres.class.getName()).getMethod("shared").invoke(null);
    assertEquals(Postgres.shared().jdbcUrl("postgres"), JvmWide.call(postgres, "jdbcUrl", "postgres"));

    Object resource = quarkusLike.loadClass(RealInfrastructure.class.getName()).getConstructor().newInstance();
    @SuppressWarnings("unchecked")
    Map<String, String> config = (Map<String, String>) JvmWide.call(resource, "start");
    try {
      assertEquals(config.get("news.topics.prefix"), RealInfrastructure.current().topicPrefix(), "the test class sees the settings of a resource from another loader");
    } finally {
      JvmWide.call(resource, "stop");
    }
  }

  /** Defines this module's classes anew and leaves everything else to the system class loader, as Quarkus does for application classes. */
  private static final class ChildFirstLoader extends ClassLoader {

    ChildFirstLoader() {
      super("quarkus-like", ClassLoader.getSystemClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("io.newsmonitor.infra.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          if (in == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
