#include "cli/help_text.h"

namespace gclint::cli {
namespace {

constexpr const char* kOverviewEn =
    R"(gclint - IaC linter for Japan's Government Cloud (Terraform, CloudFormation, Kubernetes)

Usage: gclint <command> [options]

Commands:
  scan [PATH...]     Scan files and directories ("-" reads standard input)
  checks             List the checks of the rule pack
  explain ID         Show a check's documentation and files
  init               Write a commented .gclint.yaml in the current directory
  docs --out DIR     Generate docs/checks/<ID>.md for every check
  version            Print the version

Run "gclint <command> --help" for the options of a command.
Exit codes: 0 clean, 1 findings, 2 usage or configuration error, 3 files failed to parse (docs/cli.md).
)";

constexpr const char* kOverviewJa =
    R"(gclint - ガバメントクラウド向け IaC リンター（Terraform、CloudFormation、Kubernetes）

使い方: gclint <コマンド> [オプション]

コマンド:
  scan [パス...]     ファイルとディレクトリを検査する（"-" は標準入力）
  checks             ルールパックのチェック一覧を表示する
  explain ID         チェックの説明と関連ファイルを表示する
  init               コメント付きの .gclint.yaml を現在のディレクトリに作成する
  docs --out DIR     すべてのチェックの docs/checks/<ID>.md を生成する
  version            バージョンを表示する

各コマンドのオプションは "gclint <コマンド> --help" で表示します。
終了コード: 0 問題なし、1 指摘あり、2 使い方または設定の誤り、3 解析できないファイルあり（docs/cli.md）。
)";

constexpr const char* kScanEn = R"(Usage: gclint scan [options] [PATH...]

Scans Terraform root modules, CloudFormation templates and Kubernetes manifests under each PATH
(default "."). "-" reads one document stream from standard input (with --stdin-format).

Output:
  --format text|json|sarif   Report format (default text)
  --output FILE              Write the report to FILE instead of standard output
  --lang ja|en               Language of messages (default from LC_ALL, LC_MESSAGES, LANG)
  --severity LEVEL           Report findings at or above LOW|MEDIUM|HIGH|CRITICAL (default LOW)
  --no-color                 No colour in text output (also when NO_COLOR is set)
  --timings                  Print the time of each stage to standard error

Rules and configuration:
  --config FILE              Configuration file (default: .gclint.yaml found upward from the first PATH)
  --checks DIR               Add user checks from DIR (repeatable)
  --strict-unknown           Report checks that could not decide (unknown values) as INFO findings

Inputs:
  --stdin-format FORMAT      terraform|terraform-plan|cloudformation|kubernetes, for "-"
  --region REGION            AWS region for CloudFormation AWS::Region and Terraform providers without one
  --cfn-params FILE          CloudFormation parameter file (repeatable)
  --var NAME=VALUE           Terraform variable (repeatable)
  --var-file FILE            Terraform variable file (repeatable)
  --tf-env-vars              Read Terraform variables from TF_VAR_* environment variables
  --namespace NS             Namespace for Kubernetes objects without one (default "default")
  --allow-outside-root       Follow local modules and symlinks that leave the scanned directory

Limits (docs/security.md):
  --limit NAME=VALUE         Change an input limit (repeatable): file_size (10MB), files (100000),
                             string_length (16MiB), collection_elements (100000), instances (100000),
                             module_depth (32), nesting_depth (512), yaml_alias_nodes (100000)
  --max-memory SIZE          Memory limit of the process (default 4GiB; 0 = none); out of memory ends the
                             scan with exit code 3
  --timeout DURATION         Time limit (e.g. 300s, 10m); unfinished units are errors (default none)

Performance:
  --jobs N                   Parse with N threads (default: number of cores)
  --parse-only               Stop after parsing (benchmarks)

Exit codes: 0 no findings at or above the threshold and no errors; 1 findings; 2 usage or
configuration error; 3 no findings but some files could not be parsed.
)";

constexpr const char* kScanJa = R"(使い方: gclint scan [オプション] [パス...]

各パス（既定は "."）の Terraform ルートモジュール、CloudFormation テンプレート、Kubernetes マニフェストを
検査します。"-" は標準入力から読み込みます（--stdin-format を指定）。

出力:
  --format text|json|sarif   出力形式（既定 text）
  --output FILE              結果を標準出力ではなく FILE に書き出す
  --lang ja|en               メッセージの言語（既定は LC_ALL、LC_MESSAGES、LANG から判定）
  --severity LEVEL           LOW|MEDIUM|HIGH|CRITICAL 以上の重大度の指摘を報告する（既定 LOW）
  --no-color                 テキスト出力を色付けしない（NO_COLOR が設定されている場合も同様）
  --timings                  各段階の処理時間を標準エラー出力に表示する

ルールと設定:
  --config FILE              設定ファイル（既定: 最初のパスから上位へ探した .gclint.yaml）
  --checks DIR               DIR の独自チェックを追加する（複数指定可）
  --strict-unknown           値が不明で判定できなかったチェックを INFO の指摘として報告する

入力:
  --stdin-format FORMAT      "-" の形式: terraform|terraform-plan|cloudformation|kubernetes
  --region REGION            CloudFormation の AWS::Region、リージョン未指定の Terraform プロバイダのリージョン
  --cfn-params FILE          CloudFormation のパラメータファイル（複数指定可）
  --var NAME=VALUE           Terraform 変数（複数指定可）
  --var-file FILE            Terraform 変数ファイル（複数指定可）
  --tf-env-vars              環境変数 TF_VAR_* から Terraform 変数を読む
  --namespace NS             名前空間のない Kubernetes オブジェクトの名前空間（既定 "default"）
  --allow-outside-root       検査対象ディレクトリの外を指すローカルモジュールやシンボリックリンクをたどる

制限（docs/security.md）:
  --limit NAME=VALUE         入力の制限値を変える（複数指定可）: file_size (10MB)、files (100000)、
                             string_length (16MiB)、collection_elements (100000)、instances (100000)、
                             module_depth (32)、nesting_depth (512)、yaml_alias_nodes (100000)
  --max-memory SIZE          プロセスのメモリ上限（既定 4GiB、0 で無制限）。超えると終了コード 3 で中断する
  --timeout DURATION         制限時間（例: 300s、10m）。終わらなかった単位はエラーになる（既定なし）

性能:
  --jobs N                   N 個のスレッドで解析する（既定: CPU コア数）
  --parse-only               解析のみで終了する（ベンチマーク用）

終了コード: 0 閾値以上の指摘もエラーもなし、1 指摘あり、2 使い方または設定の誤り、
3 指摘はないが解析できないファイルあり。
)";

constexpr const char* kChecksEn =
    R"(Usage: gclint checks [--format table|json] [--checks DIR] [--lang ja|en] [--output FILE]

Lists every check of the rule pack (embedded checks plus --checks directories): ID, severity, family,
status and title.
)";

constexpr const char* kChecksJa =
    R"(使い方: gclint checks [--format table|json] [--checks DIR] [--lang ja|en] [--output FILE]

ルールパック（組み込みのチェックと --checks のディレクトリ）のすべてのチェックを、ID、重大度、分類、
状態、タイトルとともに一覧表示します。
)";

constexpr const char* kExplainEn = R"(Usage: gclint explain ID [--checks DIR] [--lang ja|en]

Prints a check's documentation: title, description, remediation, requirements, severity, tiers,
references, and its files (rule, fixtures, generated doc page, predicates).
)";

constexpr const char* kExplainJa = R"(使い方: gclint explain ID [--checks DIR] [--lang ja|en]

チェックの説明を表示します: タイトル、説明、修正方法、要件、重大度、対象の系（マイナンバー利用事務系、
LGWAN接続系、インターネット接続系）、参考情報、関連ファイル（ルール、フィクスチャ、生成ドキュメント、述語）。
)";

constexpr const char* kInitEn = R"(Usage: gclint init [DIR]

Writes a commented starter .gclint.yaml into DIR (default: the current directory). An existing file is
never overwritten.
)";

constexpr const char* kInitJa = R"(使い方: gclint init [DIR]

コメント付きの .gclint.yaml のひな形を DIR（既定: 現在のディレクトリ）に作成します。既存のファイルは
上書きしません。
)";

constexpr const char* kDocsEn = R"(Usage: gclint docs --out DIR [--fixtures DIR] [--checks DIR]

Generates DIR/<ID>.md for every check (What / Why / Bad / Good / Fix / Requirements / Sources) from the rule
metadata and the fixtures/<ID>/bad.* and good.* samples with their expectation comments removed, plus
DIR/README.md indexed by family and by requirement. --fixtures defaults to "fixtures".
)";

constexpr const char* kDocsJa = R"(使い方: gclint docs --out DIR [--fixtures DIR] [--checks DIR]

ルールのメタデータと fixtures/<ID>/ の bad.*・good.* サンプル（期待値コメントは除去）から、すべてのチェックの
DIR/<ID>.md（What / Why / Bad / Good / Fix / Requirements / Sources）と、分類別・要件別の索引
DIR/README.md を生成します。--fixtures の既定は "fixtures" です。
)";

constexpr const char* kVersionEn = "Usage: gclint version\n\nPrints the version of gclint.\n";
constexpr const char* kVersionJa = "使い方: gclint version\n\ngclint のバージョンを表示します。\n";

}  // namespace

std::string help_text(const std::string& command, const std::string& lang) {
  bool ja = lang == "ja";
  if (command == "scan") return ja ? kScanJa : kScanEn;
  if (command == "checks") return ja ? kChecksJa : kChecksEn;
  if (command == "explain") return ja ? kExplainJa : kExplainEn;
  if (command == "init") return ja ? kInitJa : kInitEn;
  if (command == "docs") return ja ? kDocsJa : kDocsEn;
  if (command == "version") return ja ? kVersionJa : kVersionEn;
  return ja ? kOverviewJa : kOverviewEn;
}

}  // namespace gclint::cli
