#pragma once

#include "model/value.h"

namespace gclint::kubernetes {

/// The text that replaces every redacted value.
inline constexpr const char* kRedacted = "(redacted)";

/// Replaces every value under data, stringData and binaryData (and the last-applied-configuration
/// annotation, which repeats them) with kRedacted, keeping spans, so a Secret or ConfigMap value can never
/// reach a report.
void redact_secret_data(model::Value& document);

}  // namespace gclint::kubernetes
