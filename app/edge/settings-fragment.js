// RedPair: merge these keys into the box's Node-RED settings.js (module.exports = { ... }).
// Both boxes of a pair get the same fragment.
module.exports = {
    // Listen on the plant LAN address of this box only (the default is every interface).
    // Replace with the box's own address; "127.0.0.1" is right only when RedPair runs on the box.
    uiHost: "10.0.0.11",

    // Lets RedPair stop and start the flows without restarting Node-RED (POST /flows/state).
    // `enabled` must be the boolean true. Do NOT add runtimeFlowState here: from settings.js it is
    // read-only and locks the flows stopped for good (the boot guard handles start-up instead).
    runtimeState: { enabled: true, ui: true },

    // A static machine token for RedPair, read from the environment (systemd EnvironmentFile, 0600),
    // so it is never written into settings.js or a flow. Engineers keep their own password logins.
    adminAuth: {
        type: "credentials",
        users: [ /* your engineers: { username, password: "<bcrypt hash>", permissions: "*" } */ ],
        tokens: function (token) {
            const expected = process.env.REDPAIR_ADMIN_TOKEN;
            return Promise.resolve(expected && token === expected
                ? { username: "redpair", permissions: "*" } : null);
        },
        tokenHeader: "x-redpair-token"
    },

    // Bound runaway function nodes (seconds) so a busy loop cannot hang the runtime for RedPair's probes.
    functionTimeout: 5
};
