package io.redpair.arbiter;

/** CONNECTING until the first HELLO; UP while commands are answered; DOWN while searching for the device. */
public enum LinkState { CONNECTING, UP, DOWN, CLOSED }
