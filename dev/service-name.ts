/** Logs of `npm start` name their service, as each Lambda's do in AWS (the stack sets krom-api, …). */
process.env.POWERTOOLS_SERVICE_NAME ??= 'krom-local';
