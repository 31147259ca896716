/** Live push to browsers over Server-Sent Events: per-account streams and public topics. */
@org.springframework.modulith.ApplicationModule(displayName = "Live")
package dev.paddock.live;
