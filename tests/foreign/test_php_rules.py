"""The PHP front end's rules, one behaviour each: what it migrates, what it
leaves for a person (unchanged, with the reason), and what it never does
(crash on bad input, print a key, change the layout around its edits)."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("tree_sitter_php", reason="the php extra is not installed")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import php, php_sdk  # noqa: E402
from hapimigrate.model import RunOptions, Status  # noqa: E402

TOKEN = "getenv('HUBSPOT_ACCESS_TOKEN')"
KEY = "5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60"


def migrate(source: str | bytes, spec: str | None = None, path: str = "app.php"):
    data = source.encode() if isinstance(source, str) else source
    return php.process(path, data, RunOptions(providers.resolve(spec)))


def new_text(result) -> str:
    assert result.new is not None, [(s.status, s.reason) for s in result.sites]
    return result.new.decode()


def statuses(result) -> list[str]:
    return [s.status.value for s in result.sites]


CURL = """<?php
$ch = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('HUBSPOT_API_KEY') . '&count=5');
curl_exec($ch);
"""


def test_curl_gets_a_header_and_loses_the_key():
    text = new_text(migrate(CURL))
    assert "hapikey" not in text
    assert "'https://api.hubapi.com/contacts/v1/lists?count=5'" in text
    assert (
        f"curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer ' . {TOKEN}]);"
        in text
    )


def test_line_endings_and_the_rest_of_the_file_are_kept():
    crlf = CURL.replace("\n", "\r\n") + "// trailing comment\r\n"
    text = new_text(migrate(crlf))
    assert "\n" not in text.replace("\r\n", "")
    assert text.endswith("curl_exec($ch);\r\n// trailing comment\r\n")


def test_a_python_token_provider_leaves_php_for_a_person():
    result = migrate(CURL, spec="myapp.auth:hubspot_token")
    assert result.new is None
    assert statuses(result) == ["manual"]
    assert "PHP cannot call" in result.sites[0].reason
    assert "env:NAME" in result.sites[0].reason


def test_the_env_provider_names_its_variable():
    text = new_text(migrate(CURL, spec="env:HS_TOKEN"))
    assert "getenv('HS_TOKEN')" in text


@pytest.mark.parametrize(
    "source",
    [
        b"<?php\n$url = 'https://api.hubapi.com/x?hapikey=' . $k\nfunction (",
        b"\xff\xfe<?php \x00\x01 hapikey=",
        b"",
        b"<?php\n",
    ],
)
def test_broken_input_is_reported_not_crashed(source):
    result = migrate(source)
    assert result.error is None and result.new is None
    assert all(s.status in (Status.UNPARSED, Status.MANUAL) for s in result.sites)


def test_a_syntax_error_makes_its_uses_unparsed():
    result = migrate(
        b"<?php\n$u = 'https://api.hubapi.com/x?hapikey=' . $k\n$ch = curl_init($u)\n"
    )
    assert statuses(result) == ["unparsed"]
    assert "syntax error" in result.sites[0].reason


def test_a_hard_coded_key_is_flagged_and_never_shown():
    source = f"""<?php
define('HUBSPOT_KEY', '{KEY}');
$ch = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . HUBSPOT_KEY);
curl_exec($ch);
$other = curl_init('https://api.hubapi.com/deals/v1/deal/paged?hapikey=' . (getenv('K') ?: 'aaaa1111-2222-3333-4444-555566667777'));
curl_exec($other);
"""
    result = migrate(source)
    flagged = [s for s in result.sites if s.hardcoded_key]
    assert len(flagged) >= 2
    assert all(KEY not in s.reason and "aaaa1111" not in s.reason for s in result.sites)
    assert "two different keys" in result.sites[1].reason  # a constant and getenv('K')


def test_two_keys_stay_two():
    source = """<?php
$a = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('FROM_KEY'));
curl_exec($a);
$b = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('TO_KEY'));
curl_exec($b);
"""
    result = migrate(source)
    assert result.new is None and statuses(result) == ["manual", "manual"]


def test_one_key_read_in_several_ways_is_one_key():
    source = """<?php
class Crm {
    private $key;
    public function __construct() { $this->key = getenv('HUBSPOT_API_KEY'); }
    public function a() {
        $ch = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . $this->key);
        curl_exec($ch);
    }
}
$key = getenv("HUBSPOT_API_KEY");
$ch = curl_init("https://api.hubapi.com/deals/v1/deal/paged?hapikey=$key");
curl_exec($ch);
"""
    assert statuses(migrate(source)) == ["rewrite", "rewrite"]


def test_a_caller_given_key_is_left_to_the_callers():
    source = """<?php
class Client {
    private $apiKey;
    public function __construct($apiKey) { $this->apiKey = $apiKey; }
    public function lists() {
        return wp_remote_get('https://api.hubapi.com/contacts/v1/lists?hapikey=' . $this->apiKey);
    }
}
"""
    result = migrate(source)
    assert result.new is None
    assert "caller's credential" in result.sites[0].reason


def test_an_unknown_object_with_a_get_method_is_not_guzzle():
    source = """<?php
use GuzzleHttp\\Client;
$api = new MyApi();
$api->get('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('HUBSPOT_API_KEY'));
"""
    result = migrate(source)
    assert result.new is None
    assert "get()" in result.sites[0].reason


def test_a_typed_guzzle_client_gets_the_header():
    source = """<?php
use GuzzleHttp\\ClientInterface;
function lists(ClientInterface $http) {
    return $http->request('GET', 'https://api.hubapi.com/contacts/v1/lists', ['query' => ['hapikey' => getenv('HUBSPOT_API_KEY')]]);
}
"""
    text = new_text(migrate(source))
    assert f"['headers' => ['Authorization' => 'Bearer ' . {TOKEN}]]" in text
    assert "query" not in text


def test_guzzle_headers_in_a_variable_are_left():
    source = """<?php
use GuzzleHttp\\Client;
$client = new Client();
$client->get('https://api.hubapi.com/contacts/v1/lists', ['query' => ['hapikey' => getenv('K')], 'headers' => $headers]);
"""
    result = migrate(source)
    assert result.new is None and "cannot see into" in result.sites[0].reason


def test_another_http_class_is_not_laravel():
    source = """<?php
use App\\Support\\Http;
Http::get('https://api.hubapi.com/contacts/v1/lists', ['hapikey' => getenv('K')]);
"""
    result = migrate(source)
    assert result.new is None and statuses(result) == ["manual"]


def test_laravel_token_already_sent_is_left():
    source = """<?php
use Illuminate\\Support\\Facades\\Http;
Http::withToken($oauth)->get('https://api.hubapi.com/contacts/v1/lists', ['hapikey' => getenv('K'), 'count' => 1]);
"""
    result = migrate(source)
    assert result.new is None and "already authenticates" in result.sites[0].reason


def test_curl_headers_set_twice_are_left():
    source = """<?php
$ch = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K'));
curl_setopt($ch, CURLOPT_HTTPHEADER, ['A: b']);
curl_setopt($ch, CURLOPT_HTTPHEADER, ['C: d']);
curl_exec($ch);
"""
    result = migrate(source)
    assert result.new is None and "more than once" in result.sites[0].reason


def test_a_handle_reused_inside_branches_is_left():
    source = """<?php
if ($fast) { $ch = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K')); }
else { $ch = curl_init('https://example.com/other'); }
curl_setopt($ch, CURLOPT_HTTPHEADER, ['A: b']);
curl_exec($ch);
"""
    result = migrate(source)
    assert result.new is None and statuses(result) == ["manual"]


def test_a_site_is_all_or_nothing():
    """The key cannot be cut from the URL (a value built at run time follows it):
    no header is added either."""
    source = """<?php
$ch = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K') . $more);
curl_exec($ch);
"""
    result = migrate(source)
    assert result.new is None and "run time" in result.sites[0].reason


def test_sevenshores_oauth1_is_never_used():
    source = """<?php
$hubspot = new SevenShores\\Hubspot\\Factory(['key' => getenv('K'), 'oauth' => true]);
"""
    result = migrate(source)
    assert result.new is None
    assert "access_token" in result.sites[0].reason


def test_sevenshores_create_with_a_recent_release(tmp_path):
    (tmp_path / "composer.json").write_text(
        json.dumps({"require": {"hubspot/hubspot-php": "^5.1"}})
    )
    source = "<?php\n$h = SevenShores\\Hubspot\\Factory::create(getenv('HUBSPOT_API_KEY'));\n"
    text = new_text(migrate(source, path=str(tmp_path / "app.php")))
    assert f"Factory::createWithAccessToken({TOKEN})" in text


def test_sevenshores_create_with_an_older_release(tmp_path):
    (tmp_path / "composer.json").write_text(
        json.dumps({"require": {"hubspot/hubspot-php": "^4.0 || ^5.0"}})
    )
    source = "<?php\n$h = SevenShores\\Hubspot\\Factory::create(getenv('HUBSPOT_API_KEY'));\n"
    result = migrate(source, path=str(tmp_path / "app.php"))
    assert result.new is None
    assert "4.0 is locked" in result.sites[0].reason  # the lowest the constraint allows
    assert "'oauth2' => true" in result.sites[0].reason


@pytest.mark.parametrize(
    "constraint, version",
    [("^5.1", (5, 1)), ("~5.1.0", (5, 1)), (">=5.2", (5, 2)), ("5.1.*", (5, 1)),
     ("^3.0 || ^5.1", (3, 0)), ("*", None), ("dev-master", None)],
)  # fmt: skip
def test_composer_constraints_give_their_lowest_release(tmp_path, constraint, version):
    (tmp_path / "composer.json").write_text(
        json.dumps({"require": {"hubspot/hubspot-php": constraint}})
    )
    php_sdk._project_version.cache_clear()
    assert php_sdk.installed_version(str(tmp_path / "app.php")) == version


def test_the_api_client_keeps_its_other_arguments():
    source = "<?php\n$c = \\HubSpot\\Factory::createWithApiKey($_ENV['HUBSPOT_API_KEY'], $guzzle);\n"
    text = new_text(migrate(source))
    assert f"\\HubSpot\\Factory::createWithAccessToken({TOKEN}, $guzzle);" in text


def test_a_developer_key_by_name_is_kept():
    # an endpoint not known to take a token (one that does: manual, review 13 J7)
    source = """<?php
$ch = curl_init('https://api.hubapi.com/extensions/sales-objects/v1/object-types?hapikey=' . getenv('HUBSPOT_DEVELOPER_API_KEY'));
curl_exec($ch);
"""
    result = migrate(source)
    assert result.new is None and statuses(result) == ["kept"]


def test_an_existing_stream_header_string_gets_a_new_line():
    source = """<?php
$ctx = stream_context_create(['http' => ['header' => 'Accept: application/json']]);
echo file_get_contents('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K'), false, $ctx);
"""
    text = new_text(migrate(source))
    assert (
        f"'Accept: application/json' . \"\\r\\n\" . 'Authorization: Bearer ' . {TOKEN}"
        in text
    )


@pytest.mark.parametrize(
    "later",
    [
        "$url .= '&count=10';",
        "$url = $url . '&count=10';",
        "$url = sprintf('%s&count=%d', $url, 10);",
    ],
)
def test_a_url_extended_after_the_key_keeps_its_question_mark(later):
    source = f"""<?php
$url = 'https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K');
{later}
$ch = curl_init($url);
curl_exec($ch);
"""
    result = migrate(source)
    assert result.new is None
    assert "'?'" in result.sites[0].reason


def test_a_url_extended_with_its_own_separator_is_fine():
    source = """<?php
$url = 'https://api.hubapi.com/contacts/v1/lists?count=10&hapikey=' . getenv('K');
$url .= '&offset=5';
$ch = curl_init($url);
curl_exec($ch);
"""
    text = new_text(migrate(source))
    assert "'https://api.hubapi.com/contacts/v1/lists?count=10'" in text


def test_no_statement_is_added_after_a_braceless_if():
    source = """<?php
if ($ready) $ch = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K'));
curl_exec($ch);
"""
    result = migrate(source)
    assert result.new is None and "statement of its own" in result.sites[0].reason


def test_a_url_that_is_also_logged_is_migrated():
    source = """<?php
$url = 'https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K');
error_log("GET $url");
$ch = curl_init($url);
echo 'sent ' . $url . "\\n";
curl_exec($ch);
"""
    text = new_text(migrate(source))
    assert "hapikey" not in text and 'error_log("GET $url");' in text


def test_a_url_used_in_another_string_is_left():
    source = """<?php
$url = 'https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K');
$full = "$url&count=5";
$ch = curl_init($full);
curl_exec($ch);
"""
    result = migrate(source)
    assert result.new is None and statuses(result) == ["manual"]


def test_a_comment_after_the_last_entry_stays_on_its_line():
    source = """<?php
$args = array(
    'timeout' => 20 // seconds
);
$r = wp_remote_get('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K'), $args);
"""
    text = new_text(migrate(source))
    assert "    'timeout' => 20, // seconds\n    'headers' => array(" in text


@pytest.mark.parametrize(
    "change",
    [
        "array_push($headers, 'Authorization: Basic x');",
        "add_auth($headers);",
    ],
)
def test_headers_changed_by_other_code_are_left(change):
    source = f"""<?php
function add_auth(array &$h) {{ $h[] = 'X-Auth: 1'; }}
$headers = ['Accept: application/json'];
{change}
$ch = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K'));
curl_setopt($ch, CURLOPT_HTTPHEADER, $headers);
curl_exec($ch);
"""
    result = migrate(source)
    assert result.new is None and "may change it" in result.sites[0].reason


def test_a_syntax_error_elsewhere_leaves_whole_functions_migratable():
    source = """<?php
function lists()
{
    $ch = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K'));
    return curl_exec($ch);
}

function broken()
{
    $u = 'https://api.hubapi.com/deals/v1/deal/paged?hapikey=' . getenv('K')
    $ch = curl_init($u);
}
"""
    result = migrate(source)
    assert statuses(result) == ["rewrite", "unparsed"]
    text = new_text(result)
    assert "CURLOPT_HTTPHEADER" in text and "paged?hapikey=" in text


def test_a_rewrite_that_would_not_parse_is_left_for_a_person():
    """The safety net under every planned edit: it is applied only when the file
    still parses."""
    from hapimigrate.foreign.splice import Edit
    from hapimigrate.model import Kind

    data = CURL.encode()
    good = php.Plan(0, 1, Kind.URL, Status.REWRITE, edits=(Edit(0, 0, b""),))
    bad = php.Plan(
        2, 3, Kind.URL, Status.REWRITE, edits=(Edit(len(data), len(data), b"((("),)
    )
    plans, new = php._parsing(data, [good, bad])
    assert [p.status for p in plans] == [Status.REWRITE, Status.MANUAL]
    assert "would not parse" in plans[1].reason and new == data


def test_guzzle_options_kept_in_a_variable():
    source = """<?php
use GuzzleHttp\\Client;
function recent(Client $client) {
    $options = [
        'query' => ['hapikey' => getenv('HUBSPOT_API_KEY'), 'count' => 100],
    ];
    $options['timeout'] = 10;
    return $client->get('https://api.hubapi.com/contacts/v1/lists/recently_updated/contacts/recent', $options);
}
"""
    result = migrate(source)
    text = new_text(result)
    assert "'query' => ['count' => 100]," in text
    assert f"'headers' => ['Authorization' => 'Bearer ' . {TOKEN}]," in text
    assert (
        result.sites[0].calls[0].path
        == "/contacts/v1/lists/recently_updated/contacts/recent"
    )


def test_guzzle_options_whose_headers_are_set_later_are_left():
    source = """<?php
use GuzzleHttp\\Client;
function recent(Client $client) {
    $options = ['query' => ['hapikey' => getenv('HUBSPOT_API_KEY')]];
    $options['headers'] = build_headers();
    return $client->get('https://api.hubapi.com/contacts/v1/lists', $options);
}
"""
    result = migrate(source)
    assert result.new is None and "set again" in result.sites[0].reason


HELPER = """<?php
class Client
{
    private $key;
    public function __construct() { $this->key = getenv('HUBSPOT_API_KEY'); }
    private function send($url, $method = 'GET')
    {
        $ch = curl_init($url);
        curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $method);
        return curl_exec($ch);
    }
    public function lists() { return $this->send('https://api.hubapi.com/contacts/v1/lists?hapikey=' . $this->key); }
    public function remove($id) { return $this->send('https://api.hubapi.com/contacts/v1/contact/vid/' . $id . '?hapikey=' . $this->key, 'DELETE'); }
    OTHER
}
"""


def test_a_private_helper_gets_the_header_for_all_its_callers():
    result = migrate(HELPER.replace("OTHER", ""))
    text = new_text(result)
    assert text.count("CURLOPT_HTTPHEADER") == 1 and "hapikey" not in text
    assert [c.method for s in result.sites for c in s.calls] == ["GET", "DELETE"]


def test_a_helper_also_given_other_hosts_is_left():
    other = "public function ping() { return $this->send('https://status.example.com/ping'); }"
    result = migrate(HELPER.replace("OTHER", other))
    assert result.new is None
    assert all("other or unknown hosts" in s.reason for s in result.sites)


def test_a_helper_shared_with_a_use_left_for_a_person_is_left_too():
    other = "public function odd() { return $this->send('https://api.hubapi.com/x?hapikey=' . $this->key . $this->tail); }"
    result = migrate(HELPER.replace("OTHER", other))
    assert result.new is None
    assert statuses(result) == ["manual", "manual", "manual"]
    assert "migrate them together" in result.sites[0].reason


def test_error_suppressed_curl_calls_are_followed():
    source = """<?php
$endpoint = 'https://api.hubapi.com/contacts/v1/contact/?hapikey=' . getenv('K');
$ch = @curl_init();
@curl_setopt($ch, CURLOPT_POST, true);
@curl_setopt($ch, CURLOPT_URL, $endpoint);
$response = @curl_exec($ch);
"""
    result = migrate(source)
    text = new_text(result)
    assert (
        "@curl_setopt($ch, CURLOPT_URL, $endpoint);\ncurl_setopt($ch, CURLOPT_HTTPHEADER"
        in text
    )
    assert [c.method for c in result.sites[0].calls] == ["POST"]


def test_a_path_relative_to_the_base_uri_is_an_endpoint():
    source = """<?php
use GuzzleHttp\\Client;
$client = new Client(['base_uri' => 'https://api.hubapi.com/']);
$client->get('contacts/v1/lists/all/contacts/all?hapikey=' . getenv('K'));
"""
    result = migrate(source)
    assert result.sites[0].calls[0].path == "/contacts/v1/lists/all/contacts/all"


def test_a_separator_chosen_at_run_time_is_left():
    source = """<?php
$url = 'https://api.hubapi.com' . $path . ($q ? '&' : '?') . 'hapikey=' . getenv('K');
echo file_get_contents($url);
"""
    result = migrate(source)
    assert result.new is None and "chosen at run time" in result.sites[0].reason


def test_request_arguments_shared_with_another_request_are_left():
    """A header added to $args would also go with the request to another host."""
    source = """<?php
$args = array('timeout' => 10);
$a = wp_remote_get('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K'), $args);
$b = wp_remote_get('https://status.example.com/ping', $args);
"""
    result = migrate(source)
    assert result.new is None and "used elsewhere" in result.sites[0].reason


def test_a_headers_variable_used_once_gets_the_header():
    source = """<?php
$headers = array('Content-Type' => 'application/json');
error_log(print_r($headers, true));
$r = wp_remote_post('https://api.hubapi.com/contacts/v1/contact?hapikey=' . getenv('K'), array('headers' => $headers, 'body' => '{}'));
"""
    text = new_text(migrate(source))
    assert (
        f"array('Content-Type' => 'application/json', 'Authorization' => 'Bearer ' . {TOKEN})"
        in text
    )


def test_client_defaults_are_migrated_only_for_a_hubspot_client():
    source = """<?php
use GuzzleHttp\\Client;
$hub = new Client(['base_uri' => 'https://api.hubapi.com', 'query' => ['hapikey' => getenv('K')]]);
$hub->get('/contacts/v1/lists');
$hub->get('https://status.example.com/ping');
"""
    result = migrate(source)
    assert result.new is None and "status.example.com" in result.sites[0].reason
    bare = "<?php\nuse GuzzleHttp\\Client;\n$c = new Client(['query' => ['hapikey' => getenv('K')]]);\n"
    assert "base_uri" in migrate(bare).sites[0].reason


def test_curl_headers_set_on_some_paths_only_are_left():
    source = """<?php
function send($data)
{
    $ch = curl_init('https://api.hubapi.com/contacts/v1/contact?hapikey=' . getenv('K'));
    if ($data) {
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($data));
        curl_setopt($ch, CURLOPT_HTTPHEADER, array('Content-Type: application/json'));
    }
    return curl_exec($ch);
}
"""
    result = migrate(source)
    assert result.new is None and "some paths" in result.sites[0].reason


def test_a_curl_handle_made_elsewhere_is_left():
    source = """<?php
function fetch($ch)
{
    curl_setopt($ch, CURLOPT_URL, 'https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K'));
    return curl_exec($ch);
}
"""
    result = migrate(source)
    assert result.new is None and "made outside this function" in result.sites[0].reason


def test_one_handle_variable_in_a_loop_and_a_branch():
    source = """<?php
$key = getenv('HUBSPOT_API_KEY');
do {
    $ch = curl_init("https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=$key&vidOffset=$offset");
    $page = json_decode(curl_exec($ch), true);
} while ($page['has-more']);
switch ($mode) {
    case 'deals':
        $ch = curl_init('https://api.hubapi.com/deals/v1/deal/paged?hapikey=' . $key);
        echo curl_exec($ch);
        break;
}
"""
    text = new_text(migrate(source))
    assert text.count("CURLOPT_HTTPHEADER") == 2 and "hapikey" not in text


def test_a_handle_read_after_a_branch_that_replaces_it_is_left():
    source = """<?php
$ch = curl_init('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('K'));
if ($other) { $ch = curl_init('https://example.com/'); }
curl_setopt($ch, CURLOPT_HTTPHEADER, ['A: b']);
curl_exec($ch);
"""
    result = migrate(source)
    assert result.new is None and "more than one curl handle" in result.sites[0].reason


def test_closures_arrow_functions_and_globals_read_the_same_key():
    source = """<?php
$key = getenv('HUBSPOT_API_KEY');
function deals() {
    global $key;
    return wp_remote_get('https://api.hubapi.com/deals/v1/deal/paged?hapikey=' . $key);
}
$one = function ($id) use ($key) {
    return wp_remote_get('https://api.hubapi.com/contacts/v1/contact/vid/' . $id . '/profile?hapikey=' . $key);
};
$two = fn($id) => wp_remote_get("https://api.hubapi.com/companies/v2/companies/{$id}?hapikey={$key}");
echo wp_remote_get('https://api.hubapi.com/owners/v2/owners?hapikey=' . $key);
"""
    assert statuses(migrate(source)) == ["rewrite"] * 4
