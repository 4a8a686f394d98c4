// The request types of the service's API (``HookEvaluator/answer(serviceID:request:body:client:)``)
// live in the small CDSHooksWire target, which the fuzz target links without the web server.
@_exported import CDSHooksWire
