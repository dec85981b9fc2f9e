#!/usr/bin/env bash
# What the CheapLearning generator and analyzers add to a cold build, side by side with the Regex
# generator (issue 12, target 1). For each N it writes a net10.0 project holding N [PolynomialNetwork]
# methods (seeded random: 2–6 variables, degree ≤ 4, 10–30 terms, default attributes) and N distinct
# [GeneratedRegex] patterns, referencing this repository's Release generator and runtime, stops the
# build server, does one cold build with -p:ReportAnalyzer=true per order (CHEAPLEARNING_BENCH_ORDER below), and
# prints the compiler's own execution-time report for both, with ratios (CheapLearning / Regex; ≤ 1.0 is the target).
#
# Usage: tests/CheapLearning.Benchmarks/generator-vs-regex.sh [N ...]   (default: 100 1000)
#   CHEAPLEARNING_BENCH_SEED=…   seed of the random polynomials (default 12)
#   CHEAPLEARNING_BENCH_KEEP=1   keep the generated project and build log (their folder is printed)
#   CHEAPLEARNING_BENCH_NOBUILD=1 use the Release generator/runtime already built (do not rebuild them)
#   CHEAPLEARNING_BENCH_OWN_COMPILER=1 compile in a fresh csc process (UseSharedCompilation=false) instead of
#                                shutting down the shared build server: as cold, and leaves other builds alone
#   CHEAPLEARNING_BENCH_ORDER=first|last|both (default both) where csc gets the CheapLearning generator: first (as a
#                                PackageReference consumer gets it) or after the SDK's generators. csc runs generators in
#                                that order and the first one to bind pays compilation-wide lazy work (reference binding,
#                                declaration tables, attribute binding). With both, each N is built twice and the script
#                                also prints the order-fair ratio: ours when last over Regex's when ours is first, i.e.
#                                each generator's time when it is not the one paying that shared work.
#   CHEAPLEARNING_BENCH_CL_LAST=1 the same as CHEAPLEARNING_BENCH_ORDER=last (kept for older commands).
#   CHEAPLEARNING_BENCH_SERVER=cold|warm (default cold) the compiler server before each measured build. cold: shut down, so
#                                the build pays a fresh csc's JIT and reference loading (the worst case: the first build
#                                after a restart). warm: kept running, and warmed per N by four unmeasured builds of
#                                the same project, as on a developer's machine where the server outlives each build;
#                                every measured build still compiles from scratch (--no-incremental). Ignored with
#                                CHEAPLEARNING_BENCH_OWN_COMPILER=1.
#   CHEAPLEARNING_BENCH_REPEAT=k (default 1) cold builds per order and N, the orders interleaved (first, last, first, …).
#                                Each cell then shows the median of the k times (the lower middle one for even k); every
#                                time is printed as it comes. One cold build on a shared machine varies by ±30 %: use
#                                k = 5 or more for a figure to quote.
# Needs only the .NET SDK. The figures are wall-clock times measured by csc: on a shared machine quote
# the ratios (both generators run in the same compilation, so contention affects both).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seed="${CHEAPLEARNING_BENCH_SEED:-12}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "error: N must be a positive integer, got '$n'" >&2; exit 2; }
done

fail() { echo "error: $*" >&2; exit 1; }

order="${CHEAPLEARNING_BENCH_ORDER:-both}"
server="${CHEAPLEARNING_BENCH_SERVER:-cold}"
case "$server" in
  cold|warm) ;;
  *) echo "error: CHEAPLEARNING_BENCH_SERVER must be cold or warm, got '$server'" >&2; exit 2 ;;
esac
[ "${CHEAPLEARNING_BENCH_CL_LAST:-0}" = 1 ] && order=last
repeat="${CHEAPLEARNING_BENCH_REPEAT:-1}"
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "error: CHEAPLEARNING_BENCH_REPEAT must be a positive integer, got '$repeat'" >&2; exit 2; }
case "$order" in
  first) orders=(first) ;;
  last) orders=(last) ;;
  both) orders=(first last) ;;
  *) echo "error: CHEAPLEARNING_BENCH_ORDER must be first, last or both, got '$order'" >&2; exit 2 ;;
esac
generator_dll="$repo/src/Generator/bin/Release/netstandard2.0/CheapLearning.Generator.dll"
runtime_dll="$repo/src/Runtime/bin/Release/net8.0/CheapLearning.dll"
if [ "${CHEAPLEARNING_BENCH_NOBUILD:-0}" != 1 ]; then
  echo "Building the Release generator and runtime…" >&2
  dotnet build "$repo/src/Generator/CheapLearning.Generator.csproj" -c Release -v q -nologo >&2 || fail "generator build failed"
  dotnet build "$repo/src/Runtime/CheapLearning.Runtime.csproj" -c Release -f net8.0 -v q -nologo >&2 || fail "runtime build failed"
fi
[ -f "$generator_dll" ] || fail "missing $generator_dll"
[ -f "$runtime_dll" ] || fail "missing $runtime_dll"

work="$(mktemp -d "${TMPDIR:-/tmp}/cheaplearning-vs-regex.XXXXXX")"
if [ "${CHEAPLEARNING_BENCH_KEEP:-0}" = 1 ]; then echo "Keeping $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

variables=(x y z u v w)

# One term into $term_text: a coefficient with two decimals times a monomial of degree 0–4. (A global, not
# "$(term)": a command substitution is a subshell, where bash reseeds RANDOM and the project would differ per run.)
term() {
  local nvars=$1 degree=$((RANDOM % 5)) k
  term_text="$((RANDOM % 10)).$((RANDOM % 90 + 10))"
  for ((k = 0; k < degree; k++)); do term_text+=" * ${variables[RANDOM % nvars]}"; done
}

# One [PolynomialNetwork] method: 2–6 variables, 10–30 terms, default attributes.
polynomial_method() {
  local i=$1 nvars=$((RANDOM % 5 + 2)) nterms=$((RANDOM % 21 + 10)) params="" body="" t
  for ((t = 0; t < nvars; t++)); do params+="${params:+, }double ${variables[t]}"; done
  term "$nvars"
  body="$term_text"
  for ((t = 1; t < nterms; t++)); do
    if ((RANDOM % 2)); then body+=" + "; else body+=" - "; fi
    term "$nvars"
    body+="$term_text"
  done
  printf '    [PolynomialNetwork]\n    public static double P%d(%s)\n        => %s;\n\n' "$i" "$params" "$body"
}

# One [GeneratedRegex]: a realistic pattern shape, made distinct by the method's number.
regex_method() {
  local i=$1 pattern options="RegexOptions.None"
  case $((i % 12)) in
    0) pattern="^(?<user>[a-z0-9._%+-]+)@(?<host>[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,$((i % 7 + 4))})\$"; options="RegexOptions.IgnoreCase" ;;
    1) pattern="^(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])-(?<day>0[1-9]|[12]\\d|3[01])T(?<h>[01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,$((i % 9 + 1))})?)?(Z|[+-]\\d{2}:\\d{2})\$" ;;
    2) pattern="^INV-$i-(?<number>\\d{6})(/(?<revision>[A-Z]))?\$" ;;
    3) pattern="\\b(?:\\+?1[-. ]?)?\\(?(?<area>[2-9]\\d{2})\\)?[-. ]?(?<exchange>\\d{3})[-. ]?(?<line>\\d{4})(?: *x$i(?<ext>\\d+))?\\b" ;;
    4) pattern="^https?://(?<host>[^/:?#]+)(?::(?<port>\\d{1,5}))?(?<path>/api/v$((i % 20 + 1))/[^?#]*)?(?:\\?(?<query>[^#]*))?\$"; options="RegexOptions.IgnoreCase | RegexOptions.CultureInvariant" ;;
    5) pattern="^(?<level>TRACE|DEBUG|INFO|WARN|ERROR|FATAL) \\[(?<thread>[\\w-]+)\\] (?<logger>service$i(\\.[A-Za-z]\\w*)*): (?<message>.*)\$" ;;
    6) pattern="^\\s*(?<key>[A-Za-z_][A-Za-z0-9_]{0,$((i % 50 + 10))})\\s*=\\s*(?<value>\"(?:[^\"\\\\]|\\\\.)*\"|[^#;]*?)\\s*(?:[#;].*)?\$" ;;
    7) pattern="(?<ip>(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)):$i\\b" ;;
    8) pattern="^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}(?:@node$i)?\$"; options="RegexOptions.IgnoreCase" ;;
    9) pattern="(?<word>\\b(?:error|warning|failed|timeout)\\b)[^.\\n]{0,$((i % 80 + 20))}(?<code>E\\d{3,5})?"; options="RegexOptions.IgnoreCase | RegexOptions.Multiline" ;;
    10) pattern="^(?<major>0|[1-9]\\d*)\\.(?<minor>0|[1-9]\\d*)\\.(?<patch>0|[1-9]\\d*)(?:-(?<pre>(?:rc|beta|alpha)\\.?$i(?:\\.[0-9A-Za-z-]+)*))?(?:\\+(?<build>[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?\$" ;;
    11) pattern="^(?<card>(?:4\\d{3}|5[1-5]\\d{2}|6011|3[47]\\d{2})[- ]?\\d{4}[- ]?\\d{4}[- ]?\\d{$((i % 4 + 1)),4})\$" ;;
  esac
  # The pattern goes into a verbatim C# string: double every quote.
  pattern="${pattern//\"/\"\"}"
  printf '    [GeneratedRegex(@"%s", %s)]\n    public static partial Regex R%d();\n\n' "$pattern" "$options" "$i"
}

# Writes N members, 50 per file and class (<prefix>0.cs: class <prefix>0, …), each from "$writer <number>".
write_members() {
  local dir=$1 n=$2 prefix=$3 using=$4 writer=$5 per_file=50 i file
  for ((i = 0; i < n; i++)); do
    file="$dir/$prefix$((i / per_file)).cs"
    if ((i % per_file == 0)); then
      ((i == 0)) || printf '}\n' >> "$dir/$prefix$((i / per_file - 1)).cs"
      printf '%s\n\nnamespace Bench;\n\npublic static partial class %s%d\n{\n' "$using" "$prefix" $((i / per_file)) > "$file"
    fi
    "$writer" "$i" >> "$file"
  done
  printf '}\n' >> "$dir/$prefix$(((n - 1) / per_file)).cs"
}

write_project() {
  local dir=$1 n=$2
  mkdir -p "$dir"
  cat > "$dir/Bench.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CHEAP006</NoWarn>
  </PropertyGroup>
  <Import Project="$repo/src/Runtime/build/CheapLearning.props" />
  <ItemGroup>
    <Reference Include="CheapLearning" HintPath="$runtime_dll" />
    <Analyzer Include="$generator_dll" Condition="'\$(CheapLearningLast)' != 'true'" />
  </ItemGroup>
  <!-- Added after the SDK's analyzers, hence passed to csc after them (-p:CheapLearningLast=true). -->
  <Target Name="CheapLearningAnalyzerLast" BeforeTargets="CoreCompile" Condition="'\$(CheapLearningLast)' == 'true'">
    <ItemGroup><Analyzer Include="$generator_dll" /></ItemGroup>
  </Target>
</Project>
EOF
  RANDOM=$seed
  write_members "$dir" "$n" Polynomials "using CheapLearning;" polynomial_method
  write_members "$dir" "$n" Patterns "using System.Text.RegularExpressions;" regex_method
}

# Reads the compiler's ReportAnalyzer output: the line of an assembly in the analyzer or the
# generator section ("   0.123   45   AssemblyName, Version=…"), in seconds. Fails when absent.
report_time() {
  local log=$1 section=$2 assembly=$3 value
  value="$(awk -v section="$section" -v assembly="$assembly" '
    index($0, "Total " section " execution time:") { inside = 1; next }
    inside && /Total (analyzer|generator) execution time:/ { inside = 0 }
    inside && index($0, assembly ", Version=") { print $1; exit }
  ' "$log")"
  [ -n "$value" ] || fail "no $section time for $assembly in the compiler's report (see $log; run with CHEAPLEARNING_BENCH_KEEP=1)"
  printf '%s' "$value"
}

# The median of the given times ("<0.001", csc's mark for what it could not time, counts as 0.001 and keeps its mark
# when it is the median).
median() {
  printf '%s\n' "$@" | awk '{ v = $1; sub(/^</, "", v); print v, $1 }' | sort -g -k1,1 |
    awk '{ line[NR] = $2 } END { print line[int((NR + 1) / 2)] }'
}

ratio() {
  # csc prints "<0.001" for what it could not time: the ratio is then a lower bound against 0.001 s.
  local a="${1#<}" b="${2#<}" prefix=""
  [ "$b" = "$2" ] || prefix=">"
  [ "$a" = "$1" ] || prefix="<"
  [ "$a" = "$1" ] || [ "$b" = "$2" ] || prefix="~"
  awk -v a="$a" -v b="$b" -v p="$prefix" 'BEGIN { if (b > 0) printf "%s%.2f", p, a / b; else print "inf" }'
}

rows=()
fair=()
for n in "${sizes[@]}"; do
  dir="$work/n$n"
  echo "N = $n: writing $n polynomial methods and $n regex patterns…" >&2
  write_project "$dir" "$n"
  dotnet restore "$dir/Bench.csproj" -v q -nologo >&2 || fail "restore failed for N = $n"
  cl_when_last="" rx_when_second=""
  declare -A times=()
  if [ "$server" = warm ] && [ "${CHEAPLEARNING_BENCH_OWN_COMPILER:-0}" != 1 ]; then
    # Four unmeasured builds, two per order: the server's JIT tiers code up over several builds (after two, the next
    # build still ran about 2× slower than the ones after it).
    echo "N = $n: warming the compiler server with four unmeasured builds…" >&2
    dotnet build-server shutdown >/dev/null 2>&1 || true
    for warm_last in false true false true; do
      dotnet build "$dir/Bench.csproj" --no-restore --no-incremental -nologo -v:q -p:CheapLearningLast=$warm_last > "$dir/build-warmup.log" 2>&1 ||
        fail "the warm-up build failed for N = $n (log: $dir/build-warmup.log)"
    done
  fi
  for ((rep = 1; rep <= repeat; rep++)); do
    for place in "${orders[@]}"; do
      shared=true
      if [ "${CHEAPLEARNING_BENCH_OWN_COMPILER:-0}" = 1 ]; then shared=false
      elif [ "$server" = cold ]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi
      log="$dir/build-$place-$rep.log"
      echo "N = $n: build $rep of $repeat ($server compiler), CheapLearning's generator $place…" >&2
      # --no-incremental: every build after the first must compile again, not find the output up to date.
      if ! dotnet build "$dir/Bench.csproj" --no-restore --no-incremental -nologo -v:detailed -p:ReportAnalyzer=true \
           -p:UseSharedCompilation=$shared -p:CheapLearningLast=$([ "$place" = last ] && echo true || echo false) > "$log" 2>&1; then
        grep -E "error|Error" "$log" | head -20 >&2 || true
        fail "the benchmark project did not build for N = $n (log: $log)"
      fi
      generated=$(grep -c "CheapLearning.Generator" "$log" || true)
      [ "$generated" -gt 0 ] || fail "the CheapLearning generator did not run for N = $n"
      cl_gen="$(report_time "$log" generator CheapLearning.Generator)"
      rx_gen="$(report_time "$log" generator System.Text.RegularExpressions.Generator)"
      cl_an="$(report_time "$log" analyzer CheapLearning.Generator)"
      rx_an="$(report_time "$log" analyzer System.Text.RegularExpressions.Generator)"
      build_ratio="$(ratio "$cl_gen" "$rx_gen")"
      echo "N = $n, $place, build $rep: CL gen $cl_gen s, Rx gen $rx_gen s (ratio $build_ratio), CL anlz $cl_an s, Rx anlz $rx_an s" >&2
      times[$place,cl_gen]+="$cl_gen " times[$place,rx_gen]+="$rx_gen " times[$place,cl_an]+="$cl_an " times[$place,rx_an]+="$rx_an "
      times[$place,ratio]+="${build_ratio#[<>~]} "
    done
  done
  for place in "${orders[@]}"; do
    # shellcheck disable=SC2086 # the lists are space-separated on purpose
    cl_gen="$(median ${times[$place,cl_gen]})" rx_gen="$(median ${times[$place,rx_gen]})"
    # shellcheck disable=SC2086
    cl_an="$(median ${times[$place,cl_an]})" rx_an="$(median ${times[$place,rx_an]})"
    [ "$place" = last ] && cl_when_last="$cl_gen"
    [ "$place" = first ] && rx_when_second="$rx_gen"
    # shellcheck disable=SC2086
    build_ratio="$(median ${times[$place,ratio]})"
    rows+=("$(printf '%6s %6s  %10s %8s %7s %9s   %10s %8s %7s   %7s' "$n" "$place" "$cl_gen" "$rx_gen" "$(ratio "$cl_gen" "$rx_gen")" "$build_ratio" "$cl_an" "$rx_an" "$(ratio "$cl_an" "$rx_an")" "$(ratio "$cl_an" "$rx_gen")")")
  done
  unset times
  if [ -n "$cl_when_last" ] && [ -n "$rx_when_second" ]; then
    fair+=("$(printf '%6s  %10s %10s %7s' "$n" "$cl_when_last" "$rx_when_second" "$(ratio "$cl_when_last" "$rx_when_second")")")
  fi
done

echo
if [ "$server" = warm ] && [ "${CHEAPLEARNING_BENCH_OWN_COMPILER:-0}" != 1 ]; then
  echo "Full build (--no-incremental) on a warm compiler server, times in seconds from csc's ReportAnalyzer (ratio = CheapLearning / Regex; target ≤ 1.00)"
else
  echo "Cold build, times in seconds from csc's ReportAnalyzer (ratio = CheapLearning / Regex; target ≤ 1.00)"
fi
[ "$repeat" = 1 ] || echo "Each time is the median of $repeat builds (the ratio is of the medians)."
echo "order: where csc got CheapLearning's generator (first, as a PackageReference consumer gets it; or last, after the SDK's)."
echo "The Regex package's only analyzer (SYSLIB1045) has nothing to do in this project, so its time is about 0;"
echo "the last column compares CheapLearning's analyzers with the Regex generator instead."
[ "$repeat" = 1 ] || echo "'per build' is the median of the $repeat builds' own ratios, steadier when the load changes between builds."
printf '%6s %6s  %10s %8s %7s %9s   %10s %8s %7s   %7s\n' N order "CL gen" "Rx gen" ratio "per build" "CL anlz" "Rx anlz" ratio "anlz/Rx gen"
for row in "${rows[@]}"; do echo "$row"; done
if [ ${#fair[@]} -gt 0 ]; then
  echo
  echo "Order-fair: each generator when it is not first to bind (CheapLearning from the 'last' build, Regex from the 'first' build)"
  printf '%6s  %10s %10s %7s\n' N "CL (last)" "Rx (2nd)" ratio
  for row in "${fair[@]}"; do echo "$row"; done
fi
