/** Tests of the audit API, the audit filter, the mask step in flows and token reversal on a real server. */
package io.cairn.platform.audit;
