/**
 * Launching a process: the only package that creates threads ({@link io.meridian.runtime.launch.Threads}, with
 * OpenHFT affinity pinning that degrades to a warning, and {@link io.meridian.runtime.launch.CpuPlan}), the journal
 * pretouch agent, the one command-line parser ({@link io.meridian.runtime.launch.Args}) and the one list of JVM
 * flags ({@link io.meridian.runtime.launch.JvmFlags}), and the orderly stop on SIGTERM / SIGINT of a command that runs
 * until killed ({@link io.meridian.runtime.launch.StopSignal}, a shutdown hook).
 */
package io.meridian.runtime.launch;
