/** Customer profiles as a plain library: identity resolution, traits and segments (sub-packages). */
package io.cairn.profiles;
