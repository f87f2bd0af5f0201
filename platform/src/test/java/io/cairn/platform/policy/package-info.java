/** Tests of the policy API and of policies enforced in real flows. */
package io.cairn.platform.policy;
