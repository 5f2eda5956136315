// route_reachability: whether traffic of a subnet (or of one route) leaves through a gateway of a given kind.
// A subnet is governed by the route table of its association, else by its VPC's main route table (set with
// aws_main_route_table_association, else the VPC's original main table: aws_default_route_table, or the AWS-created
// table holding only the local route plus aws_route resources written against the VPC's main_route_table_id).
// Routes are a table's inline `route` blocks and the aws_route / AWS::EC2::Route resources pointing at it.
// A NAT gateway counts as public when its connectivity type is public and its own subnet routes to an Internet
// gateway. Links that cannot be followed (a literal ID, a variable, a resource outside the scan) stay unknown.
//
// On a subnet the verdict blames the subnet and names the deciding route in {attribute} and {value}; on a route it
// blames the route's destination.
//
// route_table_governs_subnet: whether a route table (or the table of a route) governs some scanned subnet, so
// that a check can report a route through the subnets it reaches, or on the route when it reaches none.
#include <algorithm>
#include <functional>
#include <optional>

#include "engine/cidr.h"
#include "engine/predicate.h"
#include "engine/resource_graph.h"

namespace gclint::engine::predicates {
namespace {

using model::Resource;
using model::Value;

constexpr int kMaxDepth = 4;
constexpr int kMaxRefDepth = 64;

enum class Gateway : uint8_t { kInternet, kEgressOnly, kPublicNat, kTransit, kPeering, kVpn };

struct GatewayName {
  std::string_view name;
  Gateway gateway;
};

constexpr GatewayName kGatewayNames[] = {
    {"internet_gateway", Gateway::kInternet},      {"egress_only_internet_gateway", Gateway::kEgressOnly},
    {"public_nat_gateway", Gateway::kPublicNat},   {"transit_gateway", Gateway::kTransit},
    {"vpc_peering_connection", Gateway::kPeering}, {"vpn_gateway", Gateway::kVpn},
};

// Attribute names of one route: the standalone resource and the inline block differ in Terraform.
struct RouteFields {
  std::string_view cidr, ipv6, prefix_list;
  std::string_view gateway, nat, egress_only, transit, peering;
};

// The resource types and attribute names of one format.
struct Vocabulary {
  std::string_view subnet, route_table, default_route_table, route, association, main_association, vpc;
  std::string_view internet_gateway, nat_gateway, vpn_gateway;
  std::string_view association_subnet, association_table, subnet_vpc;
  std::string_view main_association_vpc, main_association_table, default_table_vpc, route_table_ref;
  std::string_view nat_connectivity, nat_subnet, inline_routes;
  RouteFields standalone, inline_route;
};

constexpr Vocabulary kTerraform{
    "aws_subnet",
    "aws_route_table",
    "aws_default_route_table",
    "aws_route",
    "aws_route_table_association",
    "aws_main_route_table_association",
    "aws_vpc",
    "aws_internet_gateway",
    "aws_nat_gateway",
    "aws_vpn_gateway",
    "subnet_id",
    "route_table_id",
    "vpc_id",
    "vpc_id",
    "route_table_id",
    "default_route_table_id",
    "route_table_id",
    "connectivity_type",
    "subnet_id",
    "route",
    {"destination_cidr_block", "destination_ipv6_cidr_block", "destination_prefix_list_id", "gateway_id",
     "nat_gateway_id", "egress_only_gateway_id", "transit_gateway_id", "vpc_peering_connection_id"},
    {"cidr_block", "ipv6_cidr_block", "destination_prefix_list_id", "gateway_id", "nat_gateway_id",
     "egress_only_gateway_id", "transit_gateway_id", "vpc_peering_connection_id"},
};

// CloudFormation has no main-route-table resource and no inline routes; a subnet without an association uses the
// VPC's AWS-created main table, which no template resource can add routes to.
constexpr Vocabulary kCloudFormation{
    "AWS::EC2::Subnet",
    "AWS::EC2::RouteTable",
    "",
    "AWS::EC2::Route",
    "AWS::EC2::SubnetRouteTableAssociation",
    "",
    "AWS::EC2::VPC",
    "AWS::EC2::InternetGateway",
    "AWS::EC2::NatGateway",
    "AWS::EC2::VPNGateway",
    "SubnetId",
    "RouteTableId",
    "VpcId",
    "",
    "",
    "",
    "RouteTableId",
    "ConnectivityType",
    "SubnetId",
    "",
    {"DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId", "GatewayId", "NatGatewayId",
     "EgressOnlyInternetGatewayId", "TransitGatewayId", "VpcPeeringConnectionId"},
    {},
};

const Vocabulary& vocabulary(model::Format format) {
  return format == model::Format::kCloudFormation ? kCloudFormation : kTerraform;
}

void collect_refs(const Value& v, std::vector<const model::Reference*>& out, int depth) {
  if (depth > kMaxRefDepth) return;
  for (const auto& ref : v.refs) out.push_back(&ref);
  for (const auto& item : v.items) collect_refs(item, out, depth + 1);
  for (const auto& entry : v.entries) collect_refs(entry.value, out, depth + 1);
}

// A value that names another resource: references resolved in the graph, a literal ID, or something unknown.
struct Link {
  bool set = false;
  std::vector<uint32_t> targets;
  bool opaque = false;  // some part names nothing scanned: a reference outside the scan or an unknown value
  bool literal = false;
  std::string text;  // the literal, or what could not be followed
};

// A route table a subnet may use.
struct Table {
  enum class Kind : uint8_t { kResource, kImplicitMain, kUnknown };
  Kind kind = Kind::kUnknown;
  uint32_t index = 0;  // the table resource, or the VPC for kImplicitMain
  std::string why;

  bool operator==(const Table& other) const {
    return kind == other.kind && (kind == Kind::kUnknown ? why == other.why : index == other.index);
  }
};

struct Verdict {
  Truth truth = Truth::kFalse;
  model::Span blame;
  std::string attribute;
  std::string value;
  std::string unknown;
};

Verdict unknown_verdict(std::string why) {
  Verdict v;
  v.truth = Truth::kUnknown;
  v.unknown = std::move(why);
  return v;
}

enum class DestinationMode : uint8_t { kDefault, kAny, kList };

struct Query {
  std::vector<Gateway> gateways;
  DestinationMode mode = DestinationMode::kDefault;
  std::vector<Cidr> cidrs;
};

class Router {
 public:
  Router(const ResourceGraph& graph, const Vocabulary& vocab, const Query& query)
      : graph_(graph), vocab_(vocab), query_(query) {}

  Verdict subnet(uint32_t index, int depth) const {
    if (depth > kMaxDepth) return unknown_verdict("route chain of " + resource(index).address);
    std::vector<Table> tables = candidates(index);
    std::optional<Verdict> first_true;
    std::optional<Verdict> first_unknown;
    bool any_false = false;
    for (const Table& table : tables) {
      Verdict v = routes_of(table, depth);
      if (v.truth == Truth::kTrue && !first_true) first_true = std::move(v);
      if (v.truth == Truth::kUnknown && !first_unknown) first_unknown = std::move(v);
      if (v.truth == Truth::kFalse) any_false = true;
    }
    if (first_true && !any_false && !first_unknown) return *first_true;
    if (first_unknown) return *first_unknown;
    if (first_true) {
      // One candidate table reaches the gateway and another does not: which one governs is not known.
      return unknown_verdict("route table of " + resource(index).address);
    }
    return Verdict{};
  }

  // One route: `route` is the aws_route / AWS::EC2::Route attributes or one inline `route` block of `owner`.
  Verdict route(const Resource& owner, const Value& route, const RouteFields& fields, const std::string& where,
                int depth) const {
    if (!route.is_map()) return route.is_unknown() ? unknown_verdict(route.text) : Verdict{};
    std::string dest_text;
    const Value* dest_value = nullptr;
    std::string dest_field;
    Truth dest = destination(route, fields, dest_text, dest_value, dest_field);
    if (dest == Truth::kFalse) return Verdict{};
    std::optional<Verdict> unknown;
    for (Gateway gateway : query_.gateways) {
      std::string target;
      std::string why;
      Truth t = target_is(gateway, owner, route, fields, depth, target, why);
      if (t == Truth::kFalse) continue;
      if (t == Truth::kTrue && dest == Truth::kTrue) {
        Verdict v;
        v.truth = Truth::kTrue;
        v.blame = dest_value != nullptr && dest_value->span.valid() ? dest_value->span
                  : route.span.valid()                              ? route.span
                                                                    : owner.span;
        v.attribute = where.empty() ? dest_field : where + "." + dest_field;
        v.value = dest_text + " -> " + target;
        return v;
      }
      if (!unknown) unknown = unknown_verdict(t == Truth::kUnknown ? why : dest_text);
    }
    return unknown ? *unknown : Verdict{};
  }

  Verdict routes_of(const Table& table, int depth) const {
    if (table.kind == Table::Kind::kUnknown) return unknown_verdict(table.why);
    std::optional<Verdict> unknown;
    auto consider = [&](Verdict v) -> bool {
      if (v.truth == Truth::kTrue) return true;
      if (v.truth == Truth::kUnknown && !unknown) unknown = std::move(v);
      return false;
    };
    std::vector<uint32_t> vpcs;
    if (table.kind == Table::Kind::kResource) {
      const Resource& owner = resource(table.index);
      if (!vocab_.inline_routes.empty()) {
        if (const Value* routes = owner.attributes.get(vocab_.inline_routes)) {
          if (routes->is_unknown()) {
            consider(unknown_verdict(routes->text));
          } else if (routes->is_list()) {
            for (size_t i = 0; i < routes->items.size(); ++i) {
              Verdict v =
                  route(owner, routes->items[i], vocab_.inline_route,
                        owner.address + "." + std::string(vocab_.inline_routes) + "[" + std::to_string(i) + "]", depth);
              if (consider(v)) return v;
            }
          }
        }
      }
      for (uint32_t r : incoming(table.index, vocab_.route, vocab_.route_table_ref)) {
        Verdict v = route(resource(r), resource(r).attributes, vocab_.standalone, resource(r).address, depth);
        if (consider(v)) return v;
      }
      // The original main table also receives routes written against aws_vpc.x.default_route_table_id.
      if (owner.type == vocab_.default_route_table) vpcs = link(owner, vocab_.default_table_vpc).targets;
    } else {
      vpcs.push_back(table.index);
    }
    for (uint32_t vpc : vpcs) {
      for (uint32_t r : incoming(vpc, vocab_.route, vocab_.route_table_ref)) {
        Verdict v = route(resource(r), resource(r).attributes, vocab_.standalone, resource(r).address, depth);
        if (consider(v)) return v;
      }
    }
    return unknown ? *unknown : Verdict{};
  }

  // The tables a subnet may use: its associations' tables, or the main table of its VPC.
  std::vector<Table> candidates(uint32_t subnet) const {
    std::vector<Table> out;
    bool certain = false;
    for (uint32_t a : incoming(subnet, vocab_.association, vocab_.association_subnet)) {
      Link subnets = link(resource(a), vocab_.association_subnet);
      // An association whose subnet_id names several instances (aws_subnet.x without a key) may be another one's.
      if (subnets.targets.size() == 1 && !subnets.opaque) certain = true;
      append(out, tables_at(resource(a), vocab_.association_table));
    }
    if (!certain) {
      Link vpcs = link(resource(subnet), vocab_.subnet_vpc);
      for (uint32_t vpc : vpcs.targets) {
        if (resource(vpc).type == vocab_.vpc) append(out, main_tables(vpc));
      }
      if (vpcs.opaque || vpcs.literal || !vpcs.set) {
        out.push_back(Table{Table::Kind::kUnknown, 0, "main route table of " + describe(vpcs, "VPC")});
      }
    }
    return out;
  }

  // Whether `table` is some scanned subnet's route table.
  bool governs(const Table& table) const {
    if (table.kind == Table::Kind::kUnknown) return false;
    std::vector<uint32_t> vpcs_main;  // VPCs whose main table this is
    std::vector<uint32_t> associated_at;
    if (table.kind == Table::Kind::kResource) {
      const Resource& owner = resource(table.index);
      associated_at.push_back(table.index);
      for (uint32_t m : incoming(table.index, vocab_.main_association, vocab_.main_association_table)) {
        for (uint32_t vpc : link(resource(m), vocab_.main_association_vpc).targets) vpcs_main.push_back(vpc);
      }
      if (owner.type == vocab_.default_route_table) {
        for (uint32_t vpc : link(owner, vocab_.default_table_vpc).targets) {
          associated_at.push_back(vpc);
          if (incoming(vpc, vocab_.main_association, vocab_.main_association_vpc).empty()) vpcs_main.push_back(vpc);
        }
      }
    } else {
      associated_at.push_back(table.index);
      if (incoming(table.index, vocab_.main_association, vocab_.main_association_vpc).empty()) {
        vpcs_main.push_back(table.index);
      }
    }
    for (uint32_t at : associated_at) {
      for (uint32_t a : incoming(at, vocab_.association, vocab_.association_table)) {
        for (uint32_t s : link(resource(a), vocab_.association_subnet).targets) {
          if (resource(s).type == vocab_.subnet) return true;
        }
      }
    }
    for (uint32_t vpc : vpcs_main) {
      for (uint32_t s : incoming(vpc, vocab_.subnet, vocab_.subnet_vpc)) {
        std::vector<Table> tables = candidates(s);
        for (const Table& t : tables) {
          if (t.kind != Table::Kind::kUnknown && same_table(t, table)) return true;
        }
      }
    }
    return false;
  }

  // The tables a route resource (or a route table itself) stands for.
  std::vector<Table> tables_of(const Resource& r) const {
    if (r.type == vocab_.route) return tables_at(r, vocab_.route_table_ref);
    if (r.type == vocab_.route_table || (!vocab_.default_route_table.empty() && r.type == vocab_.default_route_table)) {
      return {Table{Table::Kind::kResource, graph_.index_of(r), ""}};
    }
    return {};
  }

 private:
  const Resource& resource(uint32_t index) const { return graph_.resources()[index]; }

  // Resources of `type` that point at `index` through the attribute `label` (deduplicated, in order).
  std::vector<uint32_t> incoming(uint32_t index, std::string_view type, std::string_view label) const {
    std::vector<uint32_t> out;
    if (type.empty() || label.empty()) return out;
    for (const ResourceGraph::Edge* into : graph_.incoming(index)) {
      const ResourceGraph::Edge& edge = *into;
      if (edge.relation || edge.label != label) continue;
      if (resource(edge.from).type != type || resource(edge.from).is_data) continue;
      if (std::find(out.begin(), out.end(), edge.from) == out.end()) out.push_back(edge.from);
    }
    return out;
  }

  Link link(const Resource& from, std::string_view attribute) const {
    return link_value(from, attribute.empty() ? nullptr : from.attributes.get(attribute));
  }

  static std::string describe(const Link& link, std::string_view what) {
    if (!link.set) return std::string(what) + " (not set)";
    if (link.literal) return link.text + " (not in the scan)";
    return link.text.empty() ? std::string(what) : link.text;
  }

  std::vector<Table> tables_at(const Resource& from, std::string_view attribute) const {
    std::vector<Table> out;
    Link l = link(from, attribute);
    for (uint32_t t : l.targets) {
      const Resource& target = resource(t);
      if (target.type == vocab_.route_table ||
          (!vocab_.default_route_table.empty() && target.type == vocab_.default_route_table)) {
        out.push_back(Table{Table::Kind::kResource, t, ""});
      } else if (target.type == vocab_.vpc) {
        append(out, {original_main(t)});
      } else {
        out.push_back(Table{Table::Kind::kUnknown, 0, target.address});
      }
    }
    if (l.opaque || l.literal || !l.set) {
      out.push_back(Table{Table::Kind::kUnknown, 0,
                          from.address + "." + std::string(attribute) + " = " + describe(l, "route table")});
    }
    return out;
  }

  std::vector<Table> main_tables(uint32_t vpc) const {
    std::vector<Table> out;
    for (uint32_t m : incoming(vpc, vocab_.main_association, vocab_.main_association_vpc)) {
      append(out, tables_at(resource(m), vocab_.main_association_table));
    }
    if (out.empty()) out.push_back(original_main(vpc));
    return out;
  }

  Table original_main(uint32_t vpc) const {
    std::vector<uint32_t> managed = incoming(vpc, vocab_.default_route_table, vocab_.default_table_vpc);
    if (!managed.empty()) return Table{Table::Kind::kResource, managed.front(), ""};
    return Table{Table::Kind::kImplicitMain, vpc, ""};
  }

  bool same_table(const Table& a, const Table& b) const {
    auto normal = [&](const Table& t) {
      if (t.kind == Table::Kind::kImplicitMain) return original_main(t.index);
      return t;
    };
    return normal(a) == normal(b);
  }

  static void append(std::vector<Table>& out, const std::vector<Table>& more) {
    for (const Table& t : more) {
      if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
  }

  Truth destination(const Value& route, const RouteFields& fields, std::string& text, const Value*& value,
                    std::string& field) const {
    std::optional<std::string> unknown;
    for (std::string_view name : {fields.cidr, fields.ipv6}) {
      const Value* v = route.get(name);
      if (v == nullptr || v->is_null() || (v->is_string() && v->text.empty())) continue;
      if (!v->is_string()) {
        if (!unknown) unknown = v->is_unknown() ? v->text : v->to_display();
        value = v;
        field = std::string(name);
        continue;
      }
      std::optional<Cidr> cidr = parse_cidr(v->text);
      if (!cidr) continue;
      bool match =
          query_.mode == DestinationMode::kAny || (query_.mode == DestinationMode::kDefault && cidr_is_any(*cidr));
      if (query_.mode == DestinationMode::kList) {
        for (const Cidr& c : query_.cidrs) match = match || cidr_overlaps(*cidr, c);
      }
      if (match) {
        text = v->text;
        value = v;
        field = std::string(name);
        return Truth::kTrue;
      }
    }
    if (const Value* v = route.get(fields.prefix_list); v && !v->is_null() && !(v->is_string() && v->text.empty())) {
      // A prefix list is never the default route; what else it holds is not in the code.
      if (query_.mode == DestinationMode::kAny) {
        text = v->is_string() ? v->text : v->to_display();
        value = v;
        field = std::string(fields.prefix_list);
        return Truth::kTrue;
      }
      if (query_.mode == DestinationMode::kList && !unknown) unknown = v->is_string() ? v->text : v->to_display();
    }
    if (unknown) {
      text = *unknown;
      return Truth::kUnknown;
    }
    return Truth::kFalse;
  }

  // A target field that only one kind of gateway fills: set means that kind (a bare unknown might be null).
  static Truth set_field(const Value& route, std::string_view name, std::string& target, std::string& why) {
    const Value* v = route.get(name);
    if (v == nullptr || v->is_null() || (v->is_string() && v->text.empty())) return Truth::kFalse;
    if (v->is_unknown() && v->refs.empty()) {
      why = v->text;
      return Truth::kUnknown;
    }
    target = v->is_string() ? v->text : v->refs.empty() ? v->to_display() : v->refs.front().address;
    return Truth::kTrue;
  }

  // gateway_id: an Internet gateway or a virtual private gateway, told apart by the resource or the ID prefix.
  Truth gateway_of_type(const Resource& owner, const Value* gateway, std::string_view type, std::string_view prefix,
                        std::string& target, std::string& why) const {
    Link l = link_value(owner, gateway);
    if (!l.set) return Truth::kFalse;
    for (uint32_t t : l.targets) {
      if (resource(t).type == type) {
        target = resource(t).address;
        return Truth::kTrue;
      }
    }
    if (l.literal) {
      if (l.text.rfind(prefix, 0) == 0) {
        target = l.text;
        return Truth::kTrue;
      }
      return Truth::kFalse;
    }
    if (l.opaque) {
      why = l.text;
      return Truth::kUnknown;
    }
    return Truth::kFalse;
  }

  Link link_value(const Resource& from, const Value* v) const {
    Link out;
    if (v == nullptr || v->is_null() || (v->is_string() && v->text.empty())) return out;
    out.set = true;
    std::vector<const model::Reference*> refs;
    collect_refs(*v, refs, 0);
    for (const model::Reference* ref : refs) {
      std::span<const uint32_t> found = graph_.resolve(from, ref->address);
      if (found.empty()) {
        out.opaque = true;
        if (out.text.empty()) out.text = ref->attribute.empty() ? ref->address : ref->address + "." + ref->attribute;
      }
      for (uint32_t t : found) {
        if (std::find(out.targets.begin(), out.targets.end(), t) == out.targets.end()) out.targets.push_back(t);
      }
    }
    if (refs.empty()) {
      if (v->is_string()) {
        out.literal = true;
      } else {
        out.opaque = true;
      }
      out.text = v->is_string() || v->is_unknown() ? v->text : v->to_display();
    }
    return out;
  }

  Truth public_nat(const Resource& owner, const Value& route, const RouteFields& fields, int depth, std::string& target,
                   std::string& why) const {
    Link l = link_value(owner, route.get(fields.nat));
    if (!l.set) return Truth::kFalse;
    Truth out = Truth::kFalse;
    for (uint32_t n : l.targets) {
      const Resource& nat = resource(n);
      if (nat.type != vocab_.nat_gateway) continue;
      const Value* connectivity = nat.attributes.get(vocab_.nat_connectivity);
      if (connectivity != nullptr && connectivity->is_unknown()) {
        out = Truth::kUnknown;
        why = connectivity->text;
        continue;
      }
      if (connectivity != nullptr && connectivity->is_string() && connectivity->text == "private") continue;
      // A public NAT gateway reaches the Internet only from a subnet that routes to an Internet gateway.
      Link subnet = link(nat, vocab_.nat_subnet);
      Query igw{{Gateway::kInternet}, DestinationMode::kAny, {}};
      Router inner(graph_, vocab_, igw);
      for (uint32_t s : subnet.targets) {
        if (resource(s).type != vocab_.subnet) continue;
        Verdict v = inner.subnet(s, depth + 1);
        if (v.truth == Truth::kTrue) {
          target = nat.address + " (public NAT gateway in " + resource(s).address + ")";
          return Truth::kTrue;
        }
        if (v.truth == Truth::kUnknown) {
          out = Truth::kUnknown;
          why = v.unknown;
        }
      }
      if (subnet.opaque || subnet.literal || !subnet.set) {
        out = Truth::kUnknown;
        why = "subnet of " + nat.address + ": " + describe(subnet, "subnet");
      }
    }
    if (out != Truth::kUnknown && (l.opaque || l.literal)) {
      out = Truth::kUnknown;
      why = l.text + " (NAT gateway not in the scan)";
    }
    return out;
  }

  Truth target_is(Gateway gateway, const Resource& owner, const Value& route, const RouteFields& fields, int depth,
                  std::string& target, std::string& why) const {
    switch (gateway) {
      case Gateway::kInternet:
        return gateway_of_type(owner, route.get(fields.gateway), vocab_.internet_gateway, "igw-", target, why);
      case Gateway::kVpn:
        return gateway_of_type(owner, route.get(fields.gateway), vocab_.vpn_gateway, "vgw-", target, why);
      case Gateway::kEgressOnly:
        return set_field(route, fields.egress_only, target, why);
      case Gateway::kTransit:
        return set_field(route, fields.transit, target, why);
      case Gateway::kPeering:
        return set_field(route, fields.peering, target, why);
      case Gateway::kPublicNat:
        return public_nat(owner, route, fields, depth, target, why);
    }
    return Truth::kFalse;
  }

  const ResourceGraph& graph_;
  const Vocabulary& vocab_;
  const Query& query_;
};

bool in_graph(const PredicateContext& context) {
  const auto& all = context.graph.resources();
  std::less<const Resource*> before;
  return !all.empty() && !before(&context.resource, all.data()) && before(&context.resource, all.data() + all.size());
}

std::optional<Query> query_of(const model::Value& args, std::string* error) {
  Query query;
  const Value* targets = args.get("targets");
  if (targets == nullptr || !targets->is_list() || targets->items.empty()) {
    if (error) *error = "route_reachability needs targets: [gateway kinds]";
    return std::nullopt;
  }
  for (const Value& item : targets->items) {
    bool found = false;
    for (const GatewayName& name : kGatewayNames) {
      if (item.is_string() && item.text == name.name) {
        query.gateways.push_back(name.gateway);
        found = true;
      }
    }
    if (!found) {
      if (error) {
        std::string names;
        for (const GatewayName& name : kGatewayNames) names += (names.empty() ? "" : ", ") + std::string(name.name);
        *error = "unknown gateway kind '" + item.to_display() + "' (one of " + names + ")";
      }
      return std::nullopt;
    }
  }
  const Value* destinations = args.get("destinations");
  if (destinations == nullptr || (destinations->is_string() && destinations->text == "default")) {
    query.mode = DestinationMode::kDefault;
  } else if (destinations->is_string() && destinations->text == "any") {
    query.mode = DestinationMode::kAny;
  } else if (destinations->is_list() && !destinations->items.empty()) {
    query.mode = DestinationMode::kList;
    for (const Value& item : destinations->items) {
      std::optional<Cidr> cidr = item.is_string() ? parse_cidr(item.text) : std::nullopt;
      if (!cidr) {
        if (error) *error = "invalid CIDR '" + item.to_display() + "' in destinations";
        return std::nullopt;
      }
      query.cidrs.push_back(*cidr);
    }
  } else {
    if (error) *error = "destinations is default, any, or a list of CIDRs";
    return std::nullopt;
  }
  return query;
}

PredicateResult to_result(const Verdict& v) {
  PredicateResult r;
  r.truth = v.truth;
  r.blame = v.blame;
  r.attribute = v.attribute;
  r.value = v.value;
  r.unknown = v.unknown;
  return r;
}

}  // namespace

std::string validate_route_reachability(const model::Value& args) {
  std::string error;
  query_of(args, &error);
  return error;
}

PredicateResult route_reachability(const PredicateContext& context) {
  std::optional<Query> query = query_of(context.args, nullptr);
  if (!query || !in_graph(context)) return PredicateResult{};
  const Resource& r = context.resource;
  const Vocabulary& vocab = vocabulary(r.format);
  Router router(context.graph, vocab, *query);
  if (r.type == vocab.subnet) {
    // One finding per affected subnet, at the subnet: subnets sharing a route would otherwise all point at its line.
    // The route is named in {attribute} and {value}.
    Verdict v = router.subnet(context.graph.index_of(r), 0);
    v.blame = r.span;
    return to_result(v);
  }
  const RouteFields& fields = r.type == vocab.route ? vocab.standalone : vocab.inline_route;
  if (fields.cidr.empty()) return PredicateResult{};
  return to_result(router.route(r, context.current, fields, "", 0));
}

PredicateResult route_table_governs_subnet(const PredicateContext& context) {
  PredicateResult result;
  if (!in_graph(context)) return result;
  const Resource& r = context.resource;
  static const Query kNone{};
  Router router(context.graph, vocabulary(r.format), kNone);
  for (const auto& table : router.tables_of(r)) {
    if (router.governs(table)) {
      result.truth = Truth::kTrue;
      return result;
    }
  }
  return result;
}

}  // namespace gclint::engine::predicates
