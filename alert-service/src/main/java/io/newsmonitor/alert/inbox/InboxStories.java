package io.newsmonitor.alert.inbox;

import java.util.List;

/**
 * A page of an analyst's inbox by story.
 *
 * @param stories the story whose latest alert is newest first
 * @param more whether older stories follow this page
 */
public record InboxStories(List<InboxStory> stories, boolean more) {

  public InboxStories {
    stories = List.copyOf(stories);
  }
}
