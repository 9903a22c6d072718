package okta

// MarshalWire is the SDK's own wire encoding of a request body, which writes
// Secret values in full (json.Marshal redacts them): tests that check a model
// is lossless compare what the SDK would send.
var MarshalWire = marshal
