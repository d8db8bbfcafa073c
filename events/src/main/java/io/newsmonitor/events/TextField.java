package io.newsmonitor.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The part of an article a mention or a snippet was found in. Only title and body are tagged. */
public enum TextField {
  @JsonProperty("title") TITLE,
  @JsonProperty("body") BODY
}
