/** The whole system as processes on this machine: the one-command local run and the end-to-end system tests. */
package io.newsmonitor.infra.local;
