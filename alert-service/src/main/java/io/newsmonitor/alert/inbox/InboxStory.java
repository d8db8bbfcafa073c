package io.newsmonitor.alert.inbox;

import java.util.List;

/**
 * The alerts of one story in an analyst's inbox: one per subscription that matched it (the story's later copies folded under
 * each).
 *
 * @param alerts oldest first: the first is the article that raised the story
 */
public record InboxStory(String storyId, List<InboxItem> alerts) {

  public InboxStory {
    alerts = List.copyOf(alerts);
  }
}
