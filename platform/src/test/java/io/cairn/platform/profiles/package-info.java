/** Tests of the profiles capability in the whole application: bundled step plugins, REST APIs. */
package io.cairn.platform.profiles;
