/**
 * The rule language analysts write ({@code Japan + "Pillar II"}, {@code (Japan | Korea) AND -lang:fr}): a pure parser
 * from text to a small tree of records and back, with syntax errors that give the position and the reason.
 */
package io.newsmonitor.alert.rule;
