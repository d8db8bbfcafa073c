package io.newsmonitor.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectionTests {

  private static final String ENGLISH_LEAD = "The United States and Japan on Friday voiced strong concern about China's growing might and pledged "
      + "to work together to push back against attempts to destabilise the region.";
  private static final String FRENCH_LEAD = "Les États-Unis et le Japon ont exprimé vendredi leur vive inquiétude face à la puissance croissante "
      + "de la Chine et se sont engagés à travailler ensemble pour contrer les tentatives de déstabilisation de la région.";

  static Stream<Arguments> leads() {
    return Stream.of(
        arguments("en", ENGLISH_LEAD),
        arguments("fr", FRENCH_LEAD),
        arguments("de", "Die Vereinigten Staaten und Japan haben am Freitag ihre große Sorge über die wachsende Macht Chinas geäußert und "
            + "zugesagt, gemeinsam gegen Versuche vorzugehen, die Region zu destabilisieren."),
        arguments("es", "Estados Unidos y Japón expresaron el viernes su fuerte preocupación por el creciente poder de China y se comprometieron "
            + "a trabajar juntos para contrarrestar los intentos de desestabilizar la región."),
        arguments("ja", "米国と日本は金曜日、中国の軍事力の増大に強い懸念を表明し、地域を不安定化させる試みに対抗するため協力することを約束した。"),
        arguments("it", "Gli Stati Uniti e il Giappone hanno espresso venerdì forte preoccupazione per la crescente potenza della Cina e si sono "
            + "impegnati a collaborare per contrastare i tentativi di destabilizzare la regione."),
        arguments("ru", "Соединённые Штаты и Япония в пятницу выразили серьёзную обеспокоенность растущей мощью Китая."),
        arguments("uk", "Сполучені Штати та Японія в п'ятницю висловили серйозне занепокоєння зростаючою могутністю Китаю."),
        arguments("ko", "미국과 일본은 금요일 중국의 커지는 군사력에 대해 강한 우려를 표명했다."),
        arguments("zh", "美国和日本周五对中国日益增长的实力表示强烈关切，并承诺共同努力。"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leads")
  void detectsTheLanguageOfALead(String code, String text) {
    assertThat(LanguageDetection.detect(text)).contains(code);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leads")
  void detectsTheLanguageOfAWholeArticleFromItsStart(String code, String lead) {
    String article = (lead + "\n\n").repeat(20);
    assertThat(LanguageDetection.detect(article)).contains(code);
  }

  @Test
  void readsOnlyTheTitleAndTheLead() {
    // Two French paragraphs fill the sample; the twenty English ones after them are never read.
    String frenchLeadThenEnglish = (FRENCH_LEAD + "\n\n").repeat(2) + (ENGLISH_LEAD + "\n\n").repeat(20);
    assertThat(LanguageDetection.detect(frenchLeadThenEnglish)).contains("fr");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "   ", "OK", "AUKUS", "12:30 — 45%", "Taxi", "Hotel Paris"})
  void tooShortOrWithoutLettersIsEmpty(String text) {
    assertThat(LanguageDetection.detect(text)).isEmpty();
  }

  @Test
  void nullIsEmpty() {
    assertThat(LanguageDetection.detect(null)).isEmpty();
  }

  @Test
  void aShortButClearTitleIsDetectedOrLeftEmptyNeverWrong() {
    assertThat(LanguageDetection.detect("Japan joins the AUKUS talks on defence").orElse("en")).isEqualTo("en");
  }
}
