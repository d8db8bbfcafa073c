/**
 * The rule language analysts write ({@code Japan + "Pillar II"}): a pure parser from text to a small tree of records,
 * with syntax errors that give the position and the reason.
 */
package io.newsmonitor.alert.rule;
