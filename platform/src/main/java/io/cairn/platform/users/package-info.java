/** Users, roles and API tokens: the service and its REST resource. */
package io.cairn.platform.users;
