#include <gtest/gtest.h>

#include "predicate_test_support.h"

namespace gclint::engine {
namespace {

using testing::Network;

constexpr const char* kInternet = "{targets: [internet_gateway, egress_only_internet_gateway, public_nat_gateway]}";

// A VPC with a public subnet (association → table with a default route to the IGW) and a private subnet.
void public_and_private(Network& n) {
  n.add("aws_vpc", "aws_vpc.main", "cidr_block: 10.0.0.0/16");
  n.add("aws_internet_gateway", "aws_internet_gateway.gw", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_subnet", "aws_subnet.public", "vpc_id: 'ref:aws_vpc.main#id'\ncidr_block: 10.0.1.0/24");
  n.add("aws_subnet", "aws_subnet.private", "vpc_id: 'ref:aws_vpc.main#id'\ncidr_block: 10.0.2.0/24");
  n.add("aws_route_table", "aws_route_table.public",
        "vpc_id: 'ref:aws_vpc.main#id'\nroute:\n  - cidr_block: 0.0.0.0/0\n    gateway_id: "
        "'ref:aws_internet_gateway.gw#id'\n");
  n.add("aws_route_table", "aws_route_table.private", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_route_table_association", "aws_route_table_association.public",
        "subnet_id: 'ref:aws_subnet.public#id'\nroute_table_id: 'ref:aws_route_table.public#id'");
  n.add("aws_route_table_association", "aws_route_table_association.private",
        "subnet_id: 'ref:aws_subnet.private#id'\nroute_table_id: 'ref:aws_route_table.private#id'");
}

TEST(RouteReachability, ExplicitAssociationToAnInternetRoute) {
  Network n;
  public_and_private(n);
  auto r = n.run("route_reachability", "aws_subnet.public", kInternet);
  EXPECT_EQ(r.truth, Truth::kTrue);
  EXPECT_EQ(r.attribute, "aws_route_table.public.route[0].cidr_block");
  EXPECT_EQ(r.value, "0.0.0.0/0 -> aws_internet_gateway.gw");
  // Blamed at the subnet; the route is named in the attribute.
  EXPECT_EQ(n.file_of(r), "aws_subnet.public.yaml");
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.private", kInternet).truth, Truth::kFalse);
}

TEST(RouteReachability, StandaloneRoutesAndDestinations) {
  Network n;
  public_and_private(n);
  n.add("aws_route", "aws_route.private_tgw",
        "route_table_id: 'ref:aws_route_table.private#id'\ndestination_cidr_block: 10.0.0.0/8\n"
        "transit_gateway_id: tgw-0123456789abcdef0");
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.private", "{targets: [transit_gateway]}").truth, Truth::kFalse);
  auto any = n.run("route_reachability", "aws_subnet.private", "{targets: [transit_gateway], destinations: any}");
  EXPECT_EQ(any.truth, Truth::kTrue);
  EXPECT_EQ(any.attribute, "aws_route.private_tgw.destination_cidr_block");
  EXPECT_EQ(any.value, "10.0.0.0/8 -> tgw-0123456789abcdef0");
  EXPECT_EQ(
      n.run("route_reachability", "aws_subnet.private", "{targets: [transit_gateway], destinations: [10.20.0.0/16]}")
          .truth,
      Truth::kTrue);
  EXPECT_EQ(
      n.run("route_reachability", "aws_subnet.private", "{targets: [transit_gateway], destinations: [192.168.0.0/16]}")
          .truth,
      Truth::kFalse);
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.private", "{targets: [internet_gateway], destinations: any}").truth,
            Truth::kFalse);
}

TEST(RouteReachability, MainRouteTableThroughDefaultRouteTable) {
  Network n;
  n.add("aws_vpc", "aws_vpc.main", "cidr_block: 10.0.0.0/16");
  n.add("aws_internet_gateway", "aws_internet_gateway.gw", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_subnet", "aws_subnet.app", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_default_route_table", "aws_default_route_table.main",
        "default_route_table_id: 'ref:aws_vpc.main#default_route_table_id'\n"
        "route:\n  - ipv6_cidr_block: '::/0'\n    gateway_id: 'ref:aws_internet_gateway.gw#id'\n");
  auto r = n.run("route_reachability", "aws_subnet.app", kInternet);
  EXPECT_EQ(r.truth, Truth::kTrue);
  EXPECT_EQ(r.attribute, "aws_default_route_table.main.route[0].ipv6_cidr_block");
  EXPECT_EQ(r.value, "::/0 -> aws_internet_gateway.gw");
  EXPECT_EQ(n.run("route_table_governs_subnet", "aws_default_route_table.main", "").truth, Truth::kTrue);
}

TEST(RouteReachability, MainRouteTableAssociationReplacesTheOriginal) {
  Network n;
  n.add("aws_vpc", "aws_vpc.main", "cidr_block: 10.0.0.0/16");
  n.add("aws_internet_gateway", "aws_internet_gateway.gw", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_subnet", "aws_subnet.app", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_route_table", "aws_route_table.edge", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_route", "aws_route.edge_default",
        "route_table_id: 'ref:aws_route_table.edge#id'\ndestination_cidr_block: 0.0.0.0/0\n"
        "gateway_id: 'ref:aws_internet_gateway.gw#id'");
  n.add("aws_default_route_table", "aws_default_route_table.original",
        "default_route_table_id: 'ref:aws_vpc.main#default_route_table_id'");
  n.add("aws_main_route_table_association", "aws_main_route_table_association.main",
        "vpc_id: 'ref:aws_vpc.main#id'\nroute_table_id: 'ref:aws_route_table.edge#id'");
  auto r = n.run("route_reachability", "aws_subnet.app", kInternet);
  EXPECT_EQ(r.truth, Truth::kTrue);
  EXPECT_EQ(r.attribute, "aws_route.edge_default.destination_cidr_block");
  EXPECT_EQ(n.run("route_table_governs_subnet", "aws_route.edge_default", "").truth, Truth::kTrue);
  EXPECT_EQ(n.run("route_table_governs_subnet", "aws_route_table.edge", "").truth, Truth::kTrue);
  EXPECT_EQ(n.run("route_table_governs_subnet", "aws_default_route_table.original", "").truth, Truth::kFalse);
}

TEST(RouteReachability, ImplicitMainRouteTable) {
  Network n;
  n.add("aws_vpc", "aws_vpc.main", "cidr_block: 10.0.0.0/16");
  n.add("aws_subnet", "aws_subnet.app", "vpc_id: 'ref:aws_vpc.main#id'");
  // The AWS-created main table holds only the local route.
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.app", kInternet).truth, Truth::kFalse);
  n.add("aws_egress_only_internet_gateway", "aws_egress_only_internet_gateway.v6", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_route", "aws_route.main_v6",
        "route_table_id: 'ref:aws_vpc.main#main_route_table_id'\ndestination_ipv6_cidr_block: '::/0'\n"
        "egress_only_gateway_id: 'ref:aws_egress_only_internet_gateway.v6#id'");
  auto r = n.run("route_reachability", "aws_subnet.app", kInternet);
  EXPECT_EQ(r.truth, Truth::kTrue);
  EXPECT_EQ(r.value, "::/0 -> aws_egress_only_internet_gateway.v6");
  EXPECT_EQ(n.run("route_table_governs_subnet", "aws_route.main_v6", "").truth, Truth::kTrue);
}

TEST(RouteReachability, PublicNatGatewayNeedsAPublicSubnet) {
  Network n;
  public_and_private(n);
  n.add("aws_nat_gateway", "aws_nat_gateway.public", "subnet_id: 'ref:aws_subnet.public#id'");
  n.add("aws_nat_gateway", "aws_nat_gateway.stranded", "subnet_id: 'ref:aws_subnet.private#id'");
  n.add("aws_nat_gateway", "aws_nat_gateway.private",
        "subnet_id: 'ref:aws_subnet.public#id'\nconnectivity_type: private");
  n.add("aws_subnet", "aws_subnet.app", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_route_table", "aws_route_table.app", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_route_table_association", "aws_route_table_association.app",
        "subnet_id: 'ref:aws_subnet.app#id'\nroute_table_id: 'ref:aws_route_table.app#id'");
  n.add("aws_route", "aws_route.app_default",
        "route_table_id: 'ref:aws_route_table.app#id'\ndestination_cidr_block: 0.0.0.0/0\n"
        "nat_gateway_id: 'ref:aws_nat_gateway.public#id'");
  auto r = n.run("route_reachability", "aws_subnet.app", kInternet);
  EXPECT_EQ(r.truth, Truth::kTrue);
  EXPECT_EQ(r.value, "0.0.0.0/0 -> aws_nat_gateway.public (public NAT gateway in aws_subnet.public)");

  n.resources.back().attributes.set("nat_gateway_id", model::Value::reference({"aws_nat_gateway.stranded", "id"}));
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.app", kInternet).truth, Truth::kFalse);
  n.resources.back().attributes.set("nat_gateway_id", model::Value::reference({"aws_nat_gateway.private", "id"}));
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.app", kInternet).truth, Truth::kFalse);
  n.resources.back().attributes.set("nat_gateway_id", model::Value::of_string("nat-0123456789abcdef0"));
  auto literal = n.run("route_reachability", "aws_subnet.app", kInternet);
  EXPECT_EQ(literal.truth, Truth::kUnknown);
  EXPECT_EQ(literal.unknown, "nat-0123456789abcdef0 (NAT gateway not in the scan)");
}

TEST(RouteReachability, UnknownLinksStayUnknown) {
  Network n;
  public_and_private(n);
  n.add("aws_subnet", "aws_subnet.var_table", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_route_table_association", "aws_route_table_association.var_table",
        "subnet_id: 'ref:aws_subnet.var_table#id'\nroute_table_id: 'unknown:var.route_table_id'");
  auto r = n.run("route_reachability", "aws_subnet.var_table", kInternet);
  EXPECT_EQ(r.truth, Truth::kUnknown);
  EXPECT_NE(r.unknown.find("var.route_table_id"), std::string::npos);

  n.add("aws_subnet", "aws_subnet.foreign_vpc", "vpc_id: vpc-0123456789abcdef0");
  auto foreign = n.run("route_reachability", "aws_subnet.foreign_vpc", kInternet);
  EXPECT_EQ(foreign.truth, Truth::kUnknown);
  EXPECT_NE(foreign.unknown.find("vpc-0123456789abcdef0"), std::string::npos);

  n.add("aws_route", "aws_route.maybe",
        "route_table_id: 'ref:aws_route_table.private#id'\ndestination_cidr_block: 0.0.0.0/0\n"
        "gateway_id: 'unknown:var.gateway_id'");
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.private", kInternet).truth, Truth::kUnknown);
  // An egress-only gateway field that is a bare unknown might be null.
  n.resources.back().attributes.erase("gateway_id");
  n.resources.back().attributes.erase("destination_cidr_block");
  n.resources.back().attributes.set("destination_ipv6_cidr_block", model::Value::of_string("::/0"));
  n.resources.back().attributes.set("egress_only_gateway_id", model::Value::unknown("var.eigw"));
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.private", kInternet).truth, Truth::kUnknown);
  // A route whose destination is unknown.
  n.resources.back().attributes.set("destination_ipv6_cidr_block", model::Value::unknown("var.destination"));
  n.resources.back().attributes.set("egress_only_gateway_id", model::Value::of_string("eigw-0123"));
  auto destination = n.run("route_reachability", "aws_subnet.private", kInternet);
  EXPECT_EQ(destination.truth, Truth::kUnknown);
  EXPECT_EQ(destination.unknown, "var.destination");
}

TEST(RouteReachability, LiteralGatewayIds) {
  Network n;
  public_and_private(n);
  n.add("aws_route", "aws_route.literal",
        "route_table_id: 'ref:aws_route_table.private#id'\ndestination_cidr_block: 0.0.0.0/0\n"
        "gateway_id: igw-0123456789abcdef0");
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.private", kInternet).truth, Truth::kTrue);
  n.resources.back().attributes.set("gateway_id", model::Value::of_string("vgw-0123456789abcdef0"));
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.private", kInternet).truth, Truth::kFalse);
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.private", "{targets: [vpn_gateway]}").truth, Truth::kTrue);
}

TEST(RouteReachability, AnAssociationThatMayBeAnotherSubnetsIsAmbiguous) {
  Network n;
  n.add("aws_vpc", "aws_vpc.main", "cidr_block: 10.0.0.0/16");
  n.add("aws_subnet", "aws_subnet.x[0]", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_subnet", "aws_subnet.x[1]", "vpc_id: 'ref:aws_vpc.main#id'");
  n.add("aws_route_table", "aws_route_table.public",
        "route:\n  - cidr_block: 0.0.0.0/0\n    gateway_id: igw-0123456789abcdef0\n");
  // subnet_id names every instance: which subnet is associated is not known.
  n.add("aws_route_table_association", "aws_route_table_association.one",
        "subnet_id: 'ref:aws_subnet.x#id'\nroute_table_id: 'ref:aws_route_table.public#id'");
  EXPECT_EQ(n.run("route_reachability", "aws_subnet.x[0]", kInternet).truth, Truth::kUnknown);
}

TEST(RouteReachability, OneRouteOnItsOwn) {
  Network n;
  public_and_private(n);
  n.add("aws_route", "aws_route.direct",
        "route_table_id: rtb-0123\ndestination_cidr_block: 0.0.0.0/0\ngateway_id: 'ref:aws_internet_gateway.gw#id'");
  auto r = n.run("route_reachability", "aws_route.direct", kInternet);
  EXPECT_EQ(r.truth, Truth::kTrue);
  EXPECT_EQ(r.attribute, "destination_cidr_block");
  EXPECT_EQ(n.file_of(r), "aws_route.direct.yaml");
  EXPECT_EQ(n.line(r), 2u);
  EXPECT_EQ(n.run("route_table_governs_subnet", "aws_route.direct", "").truth, Truth::kFalse);
  EXPECT_EQ(n.run("route_table_governs_subnet", "aws_route_table.public", "").truth, Truth::kTrue);
  n.add("aws_route_table", "aws_route_table.unused", "vpc_id: 'ref:aws_vpc.main#id'");
  EXPECT_EQ(n.run("route_table_governs_subnet", "aws_route_table.unused", "").truth, Truth::kFalse);
}

TEST(RouteReachability, CloudFormation) {
  Network n;
  auto cfn = model::Format::kCloudFormation;
  n.add("AWS::EC2::VPC", "Vpc", "CidrBlock: 10.0.0.0/16", cfn);
  n.add("AWS::EC2::InternetGateway", "Igw", "{}", cfn);
  n.add("AWS::EC2::Subnet", "PublicSubnet", "VpcId: 'ref:Vpc'", cfn);
  n.add("AWS::EC2::Subnet", "AppSubnet", "VpcId: 'ref:Vpc'", cfn);
  n.add("AWS::EC2::Subnet", "SharedSubnet", "VpcId: 'unknown:VpcIdParameter'", cfn);
  n.add("AWS::EC2::RouteTable", "PublicRouteTable", "VpcId: 'ref:Vpc'", cfn);
  n.add("AWS::EC2::SubnetRouteTableAssociation", "PublicAssociation",
        "SubnetId: 'ref:PublicSubnet'\nRouteTableId: 'ref:PublicRouteTable'", cfn);
  n.add("AWS::EC2::Route", "PublicDefault",
        "RouteTableId: 'ref:PublicRouteTable'\nDestinationCidrBlock: 0.0.0.0/0\nGatewayId: 'ref:Igw'", cfn);
  n.add("AWS::EC2::NatGateway", "Nat", "SubnetId: 'ref:PublicSubnet'", cfn);
  n.add("AWS::EC2::RouteTable", "AppRouteTable", "VpcId: 'ref:Vpc'", cfn);
  n.add("AWS::EC2::Route", "AppDefault",
        "RouteTableId: 'ref:AppRouteTable'\nDestinationCidrBlock: 0.0.0.0/0\nNatGatewayId: 'ref:Nat'", cfn);
  auto r = n.run("route_reachability", "PublicSubnet", kInternet);
  EXPECT_EQ(r.truth, Truth::kTrue);
  EXPECT_EQ(r.attribute, "PublicDefault.DestinationCidrBlock");
  EXPECT_EQ(r.value, "0.0.0.0/0 -> Igw");
  // AppSubnet has no association: the VPC's main table, which a template cannot add routes to.
  EXPECT_EQ(n.run("route_reachability", "AppSubnet", kInternet).truth, Truth::kFalse);
  EXPECT_EQ(n.run("route_reachability", "SharedSubnet", kInternet).truth, Truth::kUnknown);
  // AppRouteTable routes through a public NAT gateway but no subnet uses it.
  EXPECT_EQ(n.run("route_reachability", "AppDefault", kInternet).truth, Truth::kTrue);
  EXPECT_EQ(n.run("route_table_governs_subnet", "AppDefault", "").truth, Truth::kFalse);
  EXPECT_EQ(n.run("route_table_governs_subnet", "PublicDefault", "").truth, Truth::kTrue);
}

TEST(RouteReachability, ArgumentsAreCheckedWhenRulesLoad) {
  const PredicateEntry* entry = find_predicate("route_reachability");
  ASSERT_NE(entry, nullptr);
  ASSERT_NE(entry->check_args, nullptr);
  auto problem = [&](const std::string& yaml) { return entry->check_args(testing::yaml_args(yaml)); };
  EXPECT_EQ(problem("{targets: [internet_gateway], destinations: any}"), "");
  EXPECT_EQ(problem("{targets: [internet_gateway], destinations: [0.0.0.0/0]}"), "");
  EXPECT_NE(problem("{targets: [internet]}").find("unknown gateway kind 'internet'"), std::string::npos);
  EXPECT_NE(problem("{destinations: any}").find("needs targets"), std::string::npos);
  EXPECT_NE(problem("{targets: [transit_gateway], destinations: [10.0.0.0/33]}").find("invalid CIDR"),
            std::string::npos);
  EXPECT_NE(problem("{targets: [transit_gateway], destinations: everywhere}").find("default, any"), std::string::npos);
}

}  // namespace
}  // namespace gclint::engine
