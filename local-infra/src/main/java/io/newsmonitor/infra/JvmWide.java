package io.newsmonitor.infra;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Keeps the per-JVM servers in the system class loader.
 *
 * <p>{@code @QuarkusTest} loads test resources through a Quarkus class loader per application start, and closes it
 * when that application stops. A server started from such a copy of a class would be started again for every test
 * class, and would keep running code from a closed class loader. So a class that holds a per-JVM server first asks
 * its copy in the system class loader (which Surefire, Failsafe and IDEs fill with the whole test class path), and
 * only values of JDK types cross between the copies.
 */
public final class JvmWide {

  private JvmWide() {
  }

  /**
   * Calls the static no-argument method {@code method} of the system class loader's copy of {@code type}.
   *
   * @return the result, or empty when {@code type} is that copy already or the system class loader cannot see it
   */
  public static Optional<Object> callInSystemLoader(Class<?> type, String method) {
    ClassLoader system = ClassLoader.getSystemClassLoader();
    if (type.getClassLoader() == system) {
      return Optional.empty();
    }
    Class<?> systemCopy;
    try {
      systemCopy = Class.forName(type.getName(), true, system);
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // Threads the server starts inherit this, and Kafka loads configured classes through it.
    thread.setContextClassLoader(system);
    try {
      return Optional.ofNullable(invoke(systemCopy.getDeclaredMethod(method), null));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type.getName() + "." + method + "() is missing from the system class loader's copy", e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Calls a public instance method of an object from another class loader, whose class this code cannot name. */
  public static Object call(Object target, String method, Object... args) {
    Class<?>[] types = Arrays.stream(args).map(Object::getClass).toArray(Class<?>[]::new);
    try {
      return invoke(target.getClass().getMethod(method, types), target, args);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(target.getClass().getName() + "." + method + " is missing", e);
    }
  }

  private static Object invoke(Method method, Object target, Object... args) {
    method.setAccessible(true);
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
