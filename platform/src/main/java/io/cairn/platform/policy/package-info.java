/** The policy API ({@code /api/v1/policies}): compliance and admins manage Ranger policies for Cairn. */
package io.cairn.platform.policy;
