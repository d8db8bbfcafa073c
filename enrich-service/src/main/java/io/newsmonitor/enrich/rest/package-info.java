/** The enrich-service's own REST API: tagging a text on demand ({@code POST /api/tag}). */
package io.newsmonitor.enrich.rest;
