#include "cloudformation/sam_expander.h"

#include <initializer_list>
#include <string>
#include <utility>

namespace gclint::cloudformation {
namespace {

using model::Span;
using model::Value;

constexpr uint32_t kMaxMergeDepth = 64;

Value text(std::string s, Span span) { return Value::of_string(std::move(s), span); }

Value single(std::string key, Value value, Span span) {
  Value out = Value::map(span);
  out.entries.push_back(model::MapEntry{std::move(key), std::move(value)});
  return out;
}

Value get_att(const std::string& id, const std::string& attribute, Span span) {
  Value pair = Value::list(span);
  pair.items.push_back(text(id, span));
  pair.items.push_back(text(attribute, span));
  return single("Fn::GetAtt", std::move(pair), span);
}

Value ref(const std::string& id, Span span) { return single("Ref", text(id, span), span); }

Value managed_policy_arn(const std::string& name, Span span) {
  return single("Fn::Sub", text("arn:${AWS::Partition}:iam::aws:policy/" + name, span), span);
}

bool is_intrinsic(const Value& v) {
  return v.is_map() && v.entries.size() == 1 && (v.entries[0].key == "Ref" || v.entries[0].key.starts_with("Fn::"));
}

// Globals apply under each resource's own properties; maps merge key by key, anything else the resource wins.
Value merge_globals(const Value& global, const Value& local, uint32_t depth = 0) {
  if (depth > kMaxMergeDepth || !global.is_map() || !local.is_map() || is_intrinsic(global) || is_intrinsic(local)) {
    return local;
  }
  Value out = local;
  for (const auto& [key, value] : global.entries) {
    Value* mine = out.get(key);
    if (!mine) {
      out.entries.push_back(model::MapEntry{key, value});
    } else {
      *mine = merge_globals(value, *mine, depth + 1);
    }
  }
  return out;
}

void copy(const Value& from, Value& to, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (const Value* v = from.get(key)) to.entries.push_back(model::MapEntry{key, *v});
  }
}

void copy_as(const Value& from, const char* key, Value& to, const char* new_key) {
  if (const Value* v = from.get(key)) to.entries.push_back(model::MapEntry{new_key, *v});
}

// SAM Tags are a map; most CloudFormation resources take a list of {Key, Value}.
Value tags_as_list(const Value* tags, Span span, const char* created_by) {
  Value out = Value::list(tags ? tags->span : span);
  if (tags && tags->is_map() && !is_intrinsic(*tags)) {
    for (const auto& [key, value] : tags->entries) {
      Value tag = Value::map(value.span);
      tag.entries.push_back(model::MapEntry{"Key", text(key, value.span)});
      tag.entries.push_back(model::MapEntry{"Value", value});
      out.items.push_back(std::move(tag));
    }
  }
  if (created_by) {
    Value tag = Value::map(span);
    tag.entries.push_back(model::MapEntry{"Key", text(created_by, span)});
    tag.entries.push_back(model::MapEntry{"Value", text("SAM", span)});
    out.items.push_back(std::move(tag));
  }
  return out;
}

// A SAM artifact location ("s3://bucket/key" or {Bucket, Key, Version}) in the target resource's key names.
Value s3_location(const Value& uri, const char* bucket, const char* key, const char* version, const char* what) {
  if (uri.is_string() && uri.text.starts_with("s3://")) {
    std::string rest = uri.text.substr(5);
    size_t slash = rest.find('/');
    Value out = Value::map(uri.span);
    out.entries.push_back(model::MapEntry{bucket, text(rest.substr(0, slash), uri.span)});
    if (slash != std::string::npos) out.entries.push_back(model::MapEntry{key, text(rest.substr(slash + 1), uri.span)});
    return out;
  }
  if (uri.is_map() && !is_intrinsic(uri)) {
    Value out = Value::map(uri.span);
    copy_as(uri, "Bucket", out, bucket);
    copy_as(uri, "Key", out, key);
    if (version) copy_as(uri, "Version", out, version);
    return out;
  }
  // A local path: `sam package` uploads it, so the deployed location is not in the template.
  return Value::unknown(std::string(what) + " " + (uri.is_string() ? uri.text : std::string("(expression)")), uri.span);
}

struct Generated {
  std::string id;
  Value resource;
  bool auxiliary;  // a resource SAM adds beside the one named in the template (Role, Stage, Url)
};

class SamExpander {
 public:
  SamExpander(const Value& root, std::vector<model::Diagnostic>& diagnostics)
      : globals_(root.get("Globals")), diagnostics_(diagnostics) {}

  Value expand(const Value& resources);

 private:
  // A resource map with the SAM resource's Condition, DependsOn and deletion policies carried over.
  Value resource(const std::string& type, Value properties, const Value& sam, Span span) const;
  Value properties_of(const Value& sam, const char* globals_section) const;
  void function(const std::string& id, const Value& sam, Span span);
  void execution_role(const std::string& id, const Value& props, const Value& sam, Span span, const char* service,
                      bool lambda_defaults);
  void api(const std::string& id, const Value& sam, Span span);
  void http_api(const std::string& id, const Value& sam, Span span);
  void simple_table(const std::string& id, const Value& sam, Span span);
  void state_machine(const std::string& id, const Value& sam, Span span);
  void layer_version(const std::string& id, const Value& sam, Span span);
  void application(const std::string& id, const Value& sam, Span span);
  void emit(std::string id, Value resource) {
    bool auxiliary = id != current_id_;
    out_.push_back(Generated{std::move(id), std::move(resource), auxiliary});
  }

  const Value* globals_;
  std::vector<model::Diagnostic>& diagnostics_;
  std::vector<Generated> out_;
  std::string current_id_;
};

Value SamExpander::properties_of(const Value& sam, const char* globals_section) const {
  const Value* props = sam.get("Properties");
  Value local = props && props->is_map() ? *props : Value::map(sam.span);
  const Value* global = globals_ ? globals_->get(globals_section) : nullptr;
  return global ? merge_globals(*global, local) : local;
}

Value SamExpander::resource(const std::string& type, Value properties, const Value& sam, Span span) const {
  Value out = Value::map(span);
  out.entries.push_back(model::MapEntry{"Type", text(type, span)});
  out.entries.push_back(model::MapEntry{"Properties", std::move(properties)});
  copy(sam, out, {"Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy"});
  return out;
}

void SamExpander::execution_role(const std::string& id, const Value& props, const Value& sam, Span span,
                                 const char* service, bool lambda_defaults) {
  Value role = Value::map(span);
  Value statement = Value::map(span);
  statement.entries.push_back(model::MapEntry{"Effect", text("Allow", span)});
  Value services = Value::list(span);
  services.items.push_back(text(service, span));
  statement.entries.push_back(model::MapEntry{"Principal", single("Service", std::move(services), span)});
  Value actions = Value::list(span);
  actions.items.push_back(text("sts:AssumeRole", span));
  statement.entries.push_back(model::MapEntry{"Action", std::move(actions)});
  Value statements = Value::list(span);
  statements.items.push_back(std::move(statement));
  Value document = Value::map(span);
  document.entries.push_back(model::MapEntry{"Version", text("2012-10-17", span)});
  document.entries.push_back(model::MapEntry{"Statement", std::move(statements)});
  role.entries.push_back(model::MapEntry{"AssumeRolePolicyDocument", std::move(document)});

  Value managed = Value::list(span);
  if (lambda_defaults) {
    managed.items.push_back(managed_policy_arn("service-role/AWSLambdaBasicExecutionRole", span));
    if (props.get("VpcConfig")) {
      managed.items.push_back(managed_policy_arn("service-role/AWSLambdaVPCAccessExecutionRole", span));
    }
    const Value* tracing = props.get("Tracing");
    if (tracing && tracing->is_string() && tracing->text == "Active") {
      managed.items.push_back(managed_policy_arn("AWSXrayWriteOnlyAccess", span));
    }
  }
  Value inline_policies = Value::list(span);
  const Value* policies = props.get("Policies");
  std::vector<const Value*> entries;
  if (policies && policies->is_list()) {
    for (const Value& p : policies->items) entries.push_back(&p);
  } else if (policies) {
    entries.push_back(policies);
  }
  for (const Value* p : entries) {
    if (p->is_string()) {
      managed.items.push_back(p->text.starts_with("arn:") ? *p : managed_policy_arn(p->text, p->span));
    } else if (is_intrinsic(*p)) {
      managed.items.push_back(*p);
    } else if (p->is_map() && p->get("Statement")) {
      Value policy = Value::map(p->span);
      policy.entries.push_back(
          model::MapEntry{"PolicyName", text(id + "RolePolicy" + std::to_string(inline_policies.items.size()), span)});
      policy.entries.push_back(model::MapEntry{"PolicyDocument", *p});
      inline_policies.items.push_back(std::move(policy));
    } else if (p->is_map() && p->entries.size() == 1) {
      // SAM policy templates (S3ReadPolicy, ...) expand from AWS's template catalogue, which is not bundled.
      Value policy = Value::map(p->span);
      policy.entries.push_back(
          model::MapEntry{"PolicyName", text(id + "RolePolicy" + std::to_string(inline_policies.items.size()), span)});
      policy.entries.push_back(
          model::MapEntry{"PolicyDocument", Value::unknown("SAM policy template " + p->entries[0].key, p->span)});
      inline_policies.items.push_back(std::move(policy));
    } else {
      diagnostics_.push_back(model::Diagnostic{model::Diagnostic::Level::kError, p->span,
                                               "Policies items must be a policy name, ARN, document or template"});
    }
  }
  role.entries.push_back(model::MapEntry{"ManagedPolicyArns", std::move(managed)});
  if (!inline_policies.items.empty()) role.entries.push_back(model::MapEntry{"Policies", std::move(inline_policies)});
  copy(props, role, {"PermissionsBoundary"});
  copy_as(props, "RolePath", role, "Path");
  role.entries.push_back(
      model::MapEntry{"Tags", tags_as_list(props.get("Tags"), span, lambda_defaults ? "lambda:createdBy" : nullptr)});
  emit(id + "Role", resource("AWS::IAM::Role", std::move(role), sam, span));
}

void SamExpander::function(const std::string& id, const Value& sam, Span span) {
  Value props = properties_of(sam, "Function");
  Value fn = Value::map(props.span);
  if (const Value* inline_code = props.get("InlineCode")) {
    fn.entries.push_back(model::MapEntry{"Code", single("ZipFile", *inline_code, inline_code->span)});
  } else if (const Value* image = props.get("ImageUri")) {
    fn.entries.push_back(model::MapEntry{"Code", single("ImageUri", *image, image->span)});
    if (!props.get("PackageType")) fn.entries.push_back(model::MapEntry{"PackageType", text("Image", image->span)});
  } else if (const Value* code = props.get("CodeUri")) {
    fn.entries.push_back(
        model::MapEntry{"Code", s3_location(*code, "S3Bucket", "S3Key", "S3ObjectVersion", "CodeUri")});
  }
  copy(props, fn,
       {"FunctionName",
        "Description",
        "Handler",
        "Runtime",
        "MemorySize",
        "Timeout",
        "Environment",
        "VpcConfig",
        "KmsKeyArn",
        "Layers",
        "ReservedConcurrentExecutions",
        "Architectures",
        "EphemeralStorage",
        "FileSystemConfigs",
        "ImageConfig",
        "CodeSigningConfigArn",
        "SnapStart",
        "RuntimeManagementConfig",
        "LoggingConfig",
        "RecursiveLoop",
        "PackageType"});
  if (const Value* tracing = props.get("Tracing")) {
    fn.entries.push_back(model::MapEntry{"TracingConfig", single("Mode", *tracing, tracing->span)});
  }
  if (const Value* dlq = props.get("DeadLetterQueue"); dlq && dlq->is_map()) {
    Value config = Value::map(dlq->span);
    copy(*dlq, config, {"TargetArn"});
    fn.entries.push_back(model::MapEntry{"DeadLetterConfig", std::move(config)});
  }
  if (const Value* role = props.get("Role")) {
    fn.entries.push_back(model::MapEntry{"Role", *role});
  } else {
    fn.entries.push_back(model::MapEntry{"Role", get_att(id + "Role", "Arn", span)});
  }
  fn.entries.push_back(model::MapEntry{"Tags", tags_as_list(props.get("Tags"), span, "lambda:createdBy")});
  Value main = resource("AWS::Lambda::Function", std::move(fn), sam, span);
  copy(sam, main, {"Metadata"});
  emit(id, std::move(main));
  if (!props.get("Role")) execution_role(id, props, sam, span, "lambda.amazonaws.com", true);
  if (const Value* url = props.get("FunctionUrlConfig"); url && url->is_map()) {
    Value url_props = Value::map(url->span);
    url_props.entries.push_back(model::MapEntry{"TargetFunctionArn", ref(id, url->span)});
    copy(*url, url_props, {"AuthType", "Cors", "InvokeMode"});
    emit(id + "Url", resource("AWS::Lambda::Url", std::move(url_props), sam, span));
  }
}

void SamExpander::api(const std::string& id, const Value& sam, Span span) {
  Value props = properties_of(sam, "Api");
  Value rest = Value::map(props.span);
  copy(props, rest,
       {"Name", "Description", "BinaryMediaTypes", "MinimumCompressionSize", "DisableExecuteApiEndpoint", "Mode",
        "ApiKeySourceType"});
  copy_as(props, "DefinitionBody", rest, "Body");
  if (const Value* uri = props.get("DefinitionUri")) {
    rest.entries.push_back(
        model::MapEntry{"BodyS3Location", s3_location(*uri, "Bucket", "Key", "Version", "DefinitionUri")});
  }
  if (const Value* endpoint = props.get("EndpointConfiguration")) {
    Value config = Value::map(endpoint->span);
    Value types = Value::list(endpoint->span);
    if (endpoint->is_map() && !is_intrinsic(*endpoint)) {
      if (const Value* type = endpoint->get("Type")) types.items.push_back(*type);
      copy_as(*endpoint, "VPCEndpointIds", config, "VpcEndpointIds");
    } else {
      types.items.push_back(*endpoint);
    }
    config.entries.insert(config.entries.begin(), model::MapEntry{"Types", std::move(types)});
    rest.entries.push_back(model::MapEntry{"EndpointConfiguration", std::move(config)});
  }
  rest.entries.push_back(model::MapEntry{"Tags", tags_as_list(props.get("Tags"), span, nullptr)});
  Value main = resource("AWS::ApiGateway::RestApi", std::move(rest), sam, span);
  copy(sam, main, {"Metadata"});
  emit(id, std::move(main));

  Value stage = Value::map(props.span);
  stage.entries.push_back(model::MapEntry{"RestApiId", ref(id, span)});
  const Value* stage_name = props.get("StageName");
  copy(props, stage,
       {"StageName", "TracingEnabled", "MethodSettings", "AccessLogSetting", "CacheClusterEnabled", "CacheClusterSize",
        "Variables", "CanarySetting"});
  stage.entries.push_back(model::MapEntry{"Tags", tags_as_list(props.get("Tags"), span, nullptr)});
  std::string stage_id = id + (stage_name && stage_name->is_string() ? stage_name->text : "") + "Stage";
  emit(stage_id, resource("AWS::ApiGateway::Stage", std::move(stage), sam, span));
}

void SamExpander::http_api(const std::string& id, const Value& sam, Span span) {
  Value props = properties_of(sam, "HttpApi");
  Value api = Value::map(props.span);
  copy(props, api, {"Name", "Description", "DisableExecuteApiEndpoint", "FailOnWarnings", "Tags"});
  if (!props.get("DefinitionBody") && !props.get("DefinitionUri")) {
    api.entries.push_back(model::MapEntry{"ProtocolType", text("HTTP", span)});
  }
  copy_as(props, "DefinitionBody", api, "Body");
  if (const Value* uri = props.get("DefinitionUri")) {
    api.entries.push_back(
        model::MapEntry{"BodyS3Location", s3_location(*uri, "Bucket", "Key", "Version", "DefinitionUri")});
  }
  copy_as(props, "CorsConfiguration", api, "CorsConfiguration");
  Value main = resource("AWS::ApiGatewayV2::Api", std::move(api), sam, span);
  copy(sam, main, {"Metadata"});
  emit(id, std::move(main));

  Value stage = Value::map(props.span);
  stage.entries.push_back(model::MapEntry{"ApiId", ref(id, span)});
  const Value* stage_name = props.get("StageName");
  if (stage_name) {
    stage.entries.push_back(model::MapEntry{"StageName", *stage_name});
  } else {
    stage.entries.push_back(model::MapEntry{"StageName", text("$default", span)});
  }
  stage.entries.push_back(model::MapEntry{"AutoDeploy", Value::of_bool(true, span)});
  copy(props, stage, {"AccessLogSettings", "DefaultRouteSettings", "RouteSettings", "StageVariables", "Tags"});
  std::string stage_id = !stage_name || (stage_name->is_string() && stage_name->text == "$default")
                             ? id + "ApiGatewayDefaultStage"
                             : id + (stage_name->is_string() ? stage_name->text : "") + "Stage";
  emit(stage_id, resource("AWS::ApiGatewayV2::Stage", std::move(stage), sam, span));
}

void SamExpander::simple_table(const std::string& id, const Value& sam, Span span) {
  Value props = properties_of(sam, "SimpleTable");
  Value table = Value::map(props.span);
  copy(props, table, {"TableName"});
  const Value* primary = props.get("PrimaryKey");
  Span key_span = primary ? primary->span : span;
  Value name = primary && primary->get("Name") ? *primary->get("Name") : text("id", key_span);
  std::string type = "S";
  if (const Value* t = primary ? primary->get("Type") : nullptr; t && t->is_string()) {
    type = t->text == "Number" ? "N" : t->text == "Binary" ? "B" : "S";
  }
  Value attribute = Value::map(key_span);
  attribute.entries.push_back(model::MapEntry{"AttributeName", name});
  attribute.entries.push_back(model::MapEntry{"AttributeType", text(type, key_span)});
  Value attributes = Value::list(key_span);
  attributes.items.push_back(std::move(attribute));
  table.entries.push_back(model::MapEntry{"AttributeDefinitions", std::move(attributes)});
  Value key = Value::map(key_span);
  key.entries.push_back(model::MapEntry{"AttributeName", name});
  key.entries.push_back(model::MapEntry{"KeyType", text("HASH", key_span)});
  Value schema = Value::list(key_span);
  schema.items.push_back(std::move(key));
  table.entries.push_back(model::MapEntry{"KeySchema", std::move(schema)});
  if (const Value* throughput = props.get("ProvisionedThroughput")) {
    table.entries.push_back(model::MapEntry{"ProvisionedThroughput", *throughput});
  } else {
    table.entries.push_back(model::MapEntry{"BillingMode", text("PAY_PER_REQUEST", span)});
  }
  copy(props, table, {"SSESpecification", "PointInTimeRecoverySpecification"});
  table.entries.push_back(model::MapEntry{"Tags", tags_as_list(props.get("Tags"), span, nullptr)});
  Value main = resource("AWS::DynamoDB::Table", std::move(table), sam, span);
  copy(sam, main, {"Metadata"});
  emit(id, std::move(main));
}

void SamExpander::state_machine(const std::string& id, const Value& sam, Span span) {
  Value props = properties_of(sam, "StateMachine");
  Value machine = Value::map(props.span);
  copy_as(props, "Name", machine, "StateMachineName");
  copy(props, machine, {"Definition", "DefinitionSubstitutions"});
  if (const Value* uri = props.get("DefinitionUri")) {
    machine.entries.push_back(
        model::MapEntry{"DefinitionS3Location", s3_location(*uri, "Bucket", "Key", "Version", "DefinitionUri")});
  }
  copy_as(props, "Logging", machine, "LoggingConfiguration");
  copy_as(props, "Tracing", machine, "TracingConfiguration");
  copy_as(props, "Type", machine, "StateMachineType");
  if (const Value* role = props.get("Role")) {
    machine.entries.push_back(model::MapEntry{"RoleArn", *role});
  } else {
    machine.entries.push_back(model::MapEntry{"RoleArn", get_att(id + "Role", "Arn", span)});
  }
  machine.entries.push_back(model::MapEntry{"Tags", tags_as_list(props.get("Tags"), span, "stateMachine:createdBy")});
  Value main = resource("AWS::StepFunctions::StateMachine", std::move(machine), sam, span);
  copy(sam, main, {"Metadata"});
  emit(id, std::move(main));
  if (!props.get("Role")) execution_role(id, props, sam, span, "states.amazonaws.com", false);
}

void SamExpander::layer_version(const std::string& id, const Value& sam, Span span) {
  Value props = properties_of(sam, "LayerVersion");
  Value layer = Value::map(props.span);
  copy(props, layer, {"LayerName", "Description", "CompatibleRuntimes", "CompatibleArchitectures", "LicenseInfo"});
  if (const Value* uri = props.get("ContentUri")) {
    layer.entries.push_back(
        model::MapEntry{"Content", s3_location(*uri, "S3Bucket", "S3Key", "S3ObjectVersion", "ContentUri")});
  }
  Value main = resource("AWS::Lambda::LayerVersion", std::move(layer), sam, span);
  copy(sam, main, {"Metadata"});
  emit(id, std::move(main));
}

void SamExpander::application(const std::string& id, const Value& sam, Span span) {
  Value props = properties_of(sam, "Application");
  Value stack = Value::map(props.span);
  if (const Value* location = props.get("Location")) {
    stack.entries.push_back(model::MapEntry{
        "TemplateURL",
        location->is_string() ? *location : Value::unknown("Serverless Application Repository", location->span)});
  }
  copy(props, stack, {"Parameters", "NotificationARNs", "TimeoutInMinutes"});
  stack.entries.push_back(model::MapEntry{"Tags", tags_as_list(props.get("Tags"), span, nullptr)});
  Value main = resource("AWS::CloudFormation::Stack", std::move(stack), sam, span);
  copy(sam, main, {"Metadata"});
  emit(id, std::move(main));
}

Value SamExpander::expand(const Value& resources) {
  for (const auto& [id, sam] : resources.entries) {
    const Value* type = sam.get("Type");
    std::string t = type && type->is_string() ? type->text : "";
    Span span = sam.span;
    current_id_ = id;
    if (t == "AWS::Serverless::Function") {
      function(id, sam, span);
    } else if (t == "AWS::Serverless::Api") {
      api(id, sam, span);
    } else if (t == "AWS::Serverless::HttpApi") {
      http_api(id, sam, span);
    } else if (t == "AWS::Serverless::SimpleTable") {
      simple_table(id, sam, span);
    } else if (t == "AWS::Serverless::StateMachine") {
      state_machine(id, sam, span);
    } else if (t == "AWS::Serverless::LayerVersion") {
      layer_version(id, sam, span);
    } else if (t == "AWS::Serverless::Application") {
      application(id, sam, span);
    } else {
      emit(id, sam);
    }
  }
  Value out = Value::map(resources.span);
  for (auto& generated : out_) {
    // A generated ID that collides with a written one loses: the template author's resource is what they meant.
    if (generated.auxiliary && (resources.get(generated.id) || out.get(generated.id))) {
      diagnostics_.push_back(model::Diagnostic{
          model::Diagnostic::Level::kWarning, generated.resource.span,
          "SAM would generate '" + generated.id + "', which the template already defines; kept the template's"});
      continue;
    }
    out.entries.push_back(model::MapEntry{std::move(generated.id), std::move(generated.resource)});
  }
  return out;
}

}  // namespace

bool uses_serverless_transform(const Value& root) {
  const Value* transform = root.get("Transform");
  if (!transform) return false;
  auto is_sam = [](const Value& v) { return v.is_string() && v.text == "AWS::Serverless-2016-10-31"; };
  if (is_sam(*transform)) return true;
  if (transform->is_list()) {
    for (const Value& item : transform->items) {
      if (is_sam(item)) return true;
    }
  }
  return false;
}

Value expand_serverless(const Value& root, const Value& resources, std::vector<model::Diagnostic>& diagnostics) {
  SamExpander expander(root, diagnostics);
  return expander.expand(resources);
}

}  // namespace gclint::cloudformation
