"""The PHP wrong rewrites an eighth review found, each as the class of code it
belongs to: the key must be the one configured key (an allow-list), the token
must never reach a request the file cannot tell is HubSpot's, developer-key
endpoints keep their key however the URL is written, and what the file declares
itself (a class ``Http``, a namespaced ``file_get_contents``) is not taken for
the library of that name. Each is migrated exactly or left ``manual``."""

from __future__ import annotations

import pytest

pytest.importorskip("tree_sitter_php", reason="the php extra is not installed")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import php  # noqa: E402
from hapimigrate.model import RunOptions  # noqa: E402

TOKEN = "getenv('HUBSPOT_ACCESS_TOKEN')"


def migrate(source: str, path: str = "app.php"):
    return php.process(path, source.encode(), RunOptions(providers.resolve(None)))


def verdicts(source: str) -> list[tuple[str, str]]:
    return [(s.status.value, s.reason) for s in migrate(source).sites]


def curl(key: str, path: str = "contacts/v1/lists") -> str:
    return (
        f"$ch = curl_init('https://api.hubapi.com/{path}?hapikey=' . {key});\n"
        "curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);\n"
        "curl_exec($ch);\n"
    )


# -- W12: the key must be the one configured key -------------------------------

NOT_CONFIGURED = {
    "request input": ("<?php\n" + curl("$_GET['hapikey']"), "from the request"),
    "a database value": (
        "<?php\nfunction for_customer($db, $id) {\n"
        "    $key = $db->query('SELECT k FROM c WHERE id = ' . (int) $id)->fetchColumn();\n"
        + curl("$key")
        + "}\n",
        "does not follow",
    ),
    "a parameter's element": (
        "<?php\nfunction handler(array $event) {\n"
        + curl("$event['portal']['apiKey']")
        + "}\n",
        "parameter $event",
    ),
    "a parameter's property": (
        "<?php\nfunction sync(Portal $p) {\n" + curl("$p->apiKey") + "}\n",
        "parameter $p",
    ),
    "a loop over portals": (
        "<?php\n$portals = ['eu' => getenv('HAPIKEY_EU'), 'us' => getenv('HAPIKEY_US')];\n"
        "foreach ($portals as $region => $key) {\n" + curl("$key") + "}\n",
        "loop variable",
    ),
    "a key reassigned in a branch": (
        "<?php\n$key = getenv('HAPIKEY');\n"
        "if (getenv('APP_ENV') === 'staging') {\n    $key = getenv('SANDBOX_HAPIKEY');\n}\n"
        + curl("$key"),
        "assigned more than once",
    ),
    "a key chosen by a ternary": (
        "<?php\n$key = getenv('APP_ENV') === 'staging' ? getenv('SANDBOX') : getenv('HAPIKEY');\n"
        + curl("$key"),
        "chosen at run time",
    ),
    "decoded input": (
        "<?php\n$customer = json_decode(file_get_contents('php://stdin'), true);\n"
        + curl("$customer['hubspot_key']"),
        "does not follow",
    ),
    "a constructor's config array": (
        "<?php\nclass Hs {\n    private $apiKey;\n"
        "    public function __construct(array $config) { $this->apiKey = $config['api_key']; }\n"
        "    public function lists() {\n" + curl("$this->apiKey") + "    }\n}\n",
        "parameter $config",
    ),
    "a setter that trims": (
        "<?php\nclass Hs {\n    private $apiKey;\n"
        "    public function setApiKey($k) { $this->apiKey = trim($k); }\n"
        "    public function lists() {\n" + curl("$this->apiKey") + "    }\n}\n",
        "parameter $k",
    ),
    "a promoted constructor parameter": (
        "<?php\nclass Hs {\n"
        "    public function __construct(private string $apiKey) {}\n"
        "    public function lists() {\n" + curl("$this->apiKey") + "    }\n}\n",
        "constructor parameter",
    ),
    "a public property set by its users": (
        "<?php\nclass Hs {\n    public $apiKey = 'x';\n"
        "    public function lists() {\n" + curl("$this->apiKey") + "    }\n}\n"
        "$hs = new Hs();\n$hs->apiKey = $_GET['k'];\n$hs->lists();\n",
        "set from outside its class",
    ),
    "a property set twice": (
        "<?php\nclass Hs {\n    private $apiKey;\n"
        "    public function __construct() { $this->apiKey = getenv('A'); }\n"
        "    public function sandbox() { $this->apiKey = getenv('B'); }\n"
        "    public function lists() {\n" + curl("$this->apiKey") + "    }\n}\n",
        "not given one value",
    ),
    "a constant defined on two paths": (
        "<?php\nif (getenv('APP_ENV') === 'staging') {\n    define('HS_KEY', getenv('SANDBOX'));\n"
        "} else {\n    define('HS_KEY', getenv('HAPIKEY'));\n}\n" + curl("HS_KEY"),
        "defined more than once",
    ),
    "a variable from a list assignment": (
        "<?php\n[$key, $other] = explode(',', getenv('KEYS'));\n" + curl("$key"),
        "assigned more than once",
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_CONFIGURED))
def test_a_key_that_is_not_the_configured_key_is_left_for_a_person(name):
    source, fragment = NOT_CONFIGURED[name]
    result = migrate(source)
    assert result.new is None, name
    assert [s.status.value for s in result.sites] == ["manual"], result.sites
    assert fragment in result.sites[0].reason


@pytest.mark.parametrize(
    "name, fragment",
    [
        ("sdk", "createWithApiKey"),
        ("guzzle", "'query'"),
        ("wordpress", "wp_remote_get"),
    ],
)
def test_every_php_path_asks_where_the_key_comes_from(name, fragment):
    source = """<?php
use GuzzleHttp\\Client;
function run($customer) {
    $hubspot = \\HubSpot\\Factory::createWithApiKey($customer->hubspot_key);
    $c = new Client();
    $c->get('https://api.hubapi.com/contacts/v1/lists', ['query' => ['hapikey' => $customer->hubspot_key]]);
    wp_remote_get('https://api.hubapi.com/owners/v2/owners?hapikey=' . $customer->hubspot_key);
}
"""
    result = migrate(source)
    assert result.new is None
    line = next(s for s in result.sites if fragment in source.splitlines()[s.line - 1])
    assert line.status.value == "manual"
    assert "parameter $customer" in line.reason


CONFIGURED = {
    "getenv": "getenv('HUBSPOT_API_KEY')",
    "$_ENV": "$_ENV['HUBSPOT_API_KEY']",
    "$_SERVER": "$_SERVER['HUBSPOT_API_KEY']",
    "Laravel env()": "env('HUBSPOT_API_KEY')",
    "Laravel config()": "config('services.hubspot.key')",
    "Config::get": "Config::get('services.hubspot.key')",
    "WordPress get_option": "get_option('hubspot_api_key')",
    "a constant defined elsewhere": "HUBSPOT_API_KEY",
    "trim of a setting": "trim(getenv('HUBSPOT_API_KEY'))",
    "a fallback": "getenv('HUBSPOT_API_KEY') ?: get_option('hubspot_api_key')",
    "an isset fallback": "isset($_ENV['K']) ? $_ENV['K'] : getenv('K')",
    "a fallback that stops the run": "getenv('HUBSPOT_API_KEY') ?: die('no key')",
    "a fallback that throws": "getenv('K') ?? throw new RuntimeException('no key')",
    "a Symfony parameter": "$this->getParameter('hubspot.api_key')",
    "a cast": "(string) getenv('HUBSPOT_API_KEY')",
}


@pytest.mark.parametrize("name", sorted(CONFIGURED))
def test_the_configured_key_is_still_migrated(name):
    source = "<?php\n$key = " + CONFIGURED[name] + ";\n" + curl("$key")
    result = migrate(source)
    sites = [s for s in result.sites if s.kind.value != "setting"]
    assert [s.status.value for s in sites] == ["rewrite"], result.sites
    assert f"'Authorization: Bearer ' . {TOKEN}" in result.new.decode()
    # a web framework's settings store is not the environment getenv() reads:
    # said once, at the read, for a person (J13)
    notes = [s for s in result.sites if s.kind.value == "setting"]
    if name in FRAMEWORK_STORE:
        (note,) = notes
        assert note.status.value == "manual" and note.line == 2
        assert FRAMEWORK_STORE[name] in note.reason and "getenv(" in note.reason
    else:
        assert notes == []


FRAMEWORK_STORE = {
    "Laravel config()": "config:cache",
    "Config::get": "config:cache",
    "WordPress get_option": "WordPress option",
}


def test_a_property_given_the_setting_once_is_migrated():
    source = (
        "<?php\nclass Hs {\n    private $apiKey;\n"
        "    public function __construct() { $this->apiKey = get_option('hs_key'); }\n"
        "    public function lists() {\n" + curl("$this->apiKey") + "    }\n}\n"
    )
    note, site = verdicts(source)
    assert site == ("rewrite", "")
    assert note[0] == "manual" and "WordPress option get_option('hs_key')" in note[1]


def test_a_global_and_a_closure_read_the_variable_of_the_file():
    source = (
        "<?php\n$key = getenv('HAPIKEY');\n"
        "function lists() {\n    global $key;\n" + curl("$key") + "}\n"
        "$f = function () use ($key) {\n" + curl("$key", "owners/v2/owners") + "};\n"
    )
    assert [s for s, _ in verdicts(source)] == ["rewrite", "rewrite"]


# -- W11: a private helper reached where no call shows it ------------------------

HELPER = """<?php
class Hs {
    const BASE = 'https://api.hubapi.com';
    private function request($url) {
        $ch = curl_init($url);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return curl_exec($ch);
    }
    public function owners() {
        return $this->request(self::BASE . '/owners/v2/owners?hapikey=' . getenv('HAPIKEY'));
    }
    public function cb() { return %s; }
}
"""


@pytest.mark.parametrize(
    "other",
    [
        "array_map([$this, 'request'], ['https://api.stripe.com/v1/charges'])",
        "call_user_func('self::request', 'https://api.stripe.com/v1/charges')",
        "\\Closure::fromCallable([$this, 'Request'])",
        "array_map($this->request(...), ['https://api.stripe.com/v1/charges'])",
        "$this->{$this->name}('https://api.stripe.com/v1/charges')",
        "call_user_func_array([$this, $this->name], ['https://api.stripe.com/v1/charges'])",
        "null; }\n    public function __call($name, $args) { return null",
    ],
)
def test_a_helper_also_reached_as_a_callable_is_left_for_a_person(other):
    result = migrate(HELPER % other)
    assert result.new is None
    assert [s.status.value for s in result.sites] == ["manual"]


def test_a_helper_only_called_with_hubspot_urls_still_gets_the_header():
    result = migrate(HELPER % "$this->request(self::BASE . '/contacts/v1/lists')")
    assert [s.status.value for s in result.sites] == ["rewrite"]


# -- W6: a host known only at run time ---------------------------------------------

RUN_TIME_HOST = [
    "$ch = curl_init($target . '?hapikey=' . $key . '&limit=2');\ncurl_exec($ch);",
    "$ch = curl_init($target . '?' . http_build_query(['hapikey' => $key, 'limit' => 1]));\ncurl_exec($ch);",
    '$r = file_get_contents("{$target}?hapikey={$key}&limit=3");',
    "$r = wp_remote_get($target . '?hapikey=' . $key . '&limit=4');",
    "$r = wp_remote_get(add_query_arg(['hapikey' => $key], $target));",
    "$client = new \\GuzzleHttp\\Client();\n$client->get($target, ['query' => ['hapikey' => $key]]);",
    "$client = new \\GuzzleHttp\\Client();\n"
    "foreach (['https://api.hubapi.com/contacts/v1/lists', 'https://api.stripe.com/v1/charges'] as $u) {\n"
    "    $client->get($u, ['query' => ['hapikey' => $key]]);\n}",
]


@pytest.mark.parametrize("request_code", RUN_TIME_HOST)
def test_a_url_whose_host_and_path_are_known_only_at_run_time_is_left(request_code):
    source = (
        "<?php\n$key = getenv('HAPIKEY');\n"
        "$target = getenv('TARGET') ?: 'https://api.stripe.com/v1/customers';\n"
        + request_code
        + "\n"
    )
    result = migrate(source)
    assert result.new is None
    assert [s.status.value for s in result.sites] == ["manual"], result.sites
    assert "known only at run time" in result.sites[0].reason


def test_a_run_time_host_with_a_hubspot_path_is_migrated():
    source = (
        "<?php\n$base = getenv('HUBSPOT_BASE');\n"
        "$ch = curl_init($base . '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY'));\n"
        "curl_exec($ch);\n"
        "foreach (['/deals/v1/deal/paged'] as $p) {\n"
        "    $c = curl_init('https://api.hubapi.com' . $p . '?hapikey=' . getenv('HAPIKEY'));\n"
        "    curl_exec($c);\n}\n"
    )
    assert [s for s, _ in verdicts(source)] == ["rewrite", "rewrite"]


# -- W2: a Guzzle client's default query ------------------------------------------

CLIENT = "$hs = new Client(['base_uri' => 'https://api.hubapi.com/', 'query' => ['hapikey' => getenv('HAPIKEY')]]);\n"


@pytest.mark.parametrize(
    "uses, fragment",
    [
        (
            "$hs->get('owners/v2/owners');\nnotify($hs);\n"
            "function notify($c) { $c->post('https://api.stripe.com/v1/charges'); }\n",
            "handed on",
        ),
        (
            "$target = getenv('TARGET') ?: 'https://api.stripe.com/v1/customers';\n"
            "$hs->get('deals/v1/deal/paged');\n$hs->get($target);\n",
            "known only at run time",
        ),
        ("$hs->send($request);\n", "->send()"),
        ("$f = function () use ($hs) { return $hs; };\n", "closure"),
        ("$f = fn() => $hs->get($GLOBALS['u']);\n", "closure"),
        ("function other() { global $hs; $hs->get($GLOBALS['u']); }\n", "global"),
    ],
)
def test_a_client_whose_requests_cannot_all_be_seen_keeps_its_default(uses, fragment):
    source = "<?php\nuse GuzzleHttp\\Client;\n" + CLIENT + uses
    result = migrate(source)
    assert result.new is None
    assert fragment in result.sites[0].reason


def test_a_client_property_exposed_or_given_any_url_is_left():
    source = """<?php
use GuzzleHttp\\Client;
class Hub
{
    private $http;
    public function __construct()
    {
        $this->http = new Client(['base_uri' => 'https://api.hubapi.com/', 'query' => ['hapikey' => getenv('HAPIKEY')]]);
    }
    public function lists() { return $this->http->get('contacts/v1/lists'); }
    %s
}
"""
    for extra in (
        "public function any($url) { return $this->http->get($url); }",
        "public function client() { return $this->http; }",
    ):
        result = migrate(source % extra)
        assert result.new is None, extra
        assert result.sites[0].status.value == "manual"
    fine = migrate(
        source
        % "public function owners() { return $this->http->get('owners/v2/owners'); }"
    )
    assert [s.status.value for s in fine.sites] == ["rewrite"]
    assert "'headers' => ['Authorization' => 'Bearer ' . " in fine.new.decode()


# -- W14: a developer-key endpoint relative to the client's base_uri ------------------


@pytest.mark.parametrize(
    "path", ["webhooks/v3/42/subscriptions", "/webhooks/v3/42/subscriptions"]
)
def test_a_relative_developer_endpoint_keeps_its_key(path):
    source = (
        "<?php\nuse GuzzleHttp\\Client;\n$key = getenv('HAPIKEY');\n"
        "$c = new Client(['base_uri' => 'https://api.hubapi.com/']);\n"
        f"$c->get('{path}', ['query' => ['hapikey' => $key]]);\n"
        f"$c->get('{path}?hapikey=' . $key);\n"
    )
    assert [s for s, _ in verdicts(source)] == ["kept", "kept"]


def test_a_relative_path_is_joined_to_the_base_uri_for_its_endpoint():
    source = (
        "<?php\nuse GuzzleHttp\\Client;\n"
        "$c = new Client(['base_uri' => 'https://api.hubapi.com/crm/v3/']);\n"
        "$c->get('objects/contacts', ['query' => ['hapikey' => getenv('HAPIKEY')]]);\n"
    )
    result = migrate(source)
    assert result.sites[0].status.value == "rewrite"
    assert result.sites[0].calls[0].path == "/crm/v3/objects/contacts"


# -- W15: one key to a developer-key endpoint and to an ordinary one ------------------


def test_one_key_sent_to_a_developer_endpoint_and_an_ordinary_one_is_left():
    source = (
        "<?php\n$key = getenv('HAPIKEY');\n"
        + curl("$key", "webhooks/v1/42/settings")
        + curl("$key")
    )
    result = migrate(source)
    assert result.new is None
    assert [s.status.value for s in result.sites] == ["manual", "manual"]
    assert "a person decides" in result.sites[0].reason


def test_a_developer_key_and_a_portal_key_apart_are_kept_and_migrated():
    source = (
        "<?php\n"
        + curl("getenv('DEV_KEY')", "webhooks/v1/42/settings")
        + curl("getenv('HAPIKEY')")
    )
    assert [s for s, _ in verdicts(source)] == ["kept", "rewrite"]


# -- W9: SDK clients decided by what they call ----------------------------------------


def test_an_sdk_client_used_for_webhooks_only_keeps_its_key():
    source = (
        "<?php\n$dev = \\HubSpot\\Factory::createWithApiKey(getenv('HAPIKEY'));\n"
        "$dev->webhooks()->settingsApi()->getAll(12345);\n"
    )
    result = migrate(source)
    assert result.new is None and result.sites[0].status.value == "kept"
    assert result.sites[0].calls[0].path == "/webhooks/v3/{appId}/settings"


def test_an_sdk_client_used_for_webhooks_and_crm_is_left():
    source = (
        "<?php\n$hubspot = \\HubSpot\\Factory::createWithApiKey(getenv('HAPIKEY'));\n"
        "$hubspot->webhooks()->subscriptionsApi()->getAll(12345);\n"
        "$hubspot->crm()->contacts()->basicApi()->getPage();\n"
    )
    result = migrate(source)
    assert result.new is None and result.sites[0].status.value == "manual"
    assert "developer-key endpoints" in result.sites[0].reason


def test_a_sevenshores_client_used_for_webhooks_only_keeps_its_key(tmp_path):
    (tmp_path / "composer.json").write_text(
        '{"require": {"hubspot/hubspot-php": "^5.1"}}'
    )
    source = (
        "<?php\nuse SevenShores\\Hubspot\\Factory;\n"
        "$hubspot = Factory::create(getenv('HAPIKEY'));\n%s"
    )
    path = str(tmp_path / "app.php")
    only = migrate(source % "$hubspot->webhooks()->viewSubscriptions(12345);\n", path)
    assert only.sites[0].status.value == "kept"
    crm = migrate(source % "$hubspot->contacts()->all();\n", path)
    assert crm.sites[0].status.value == "rewrite"


def test_an_sdk_client_used_for_crm_only_is_migrated():
    source = (
        "<?php\n$hubspot = \\HubSpot\\Factory::createWithApiKey(getenv('HAPIKEY'));\n"
        "$hubspot->crm()->contacts()->basicApi()->getPage();\n"
    )
    result = migrate(source)
    assert "createWithAccessToken(" + TOKEN + ")" in result.new.decode()


# -- W3: a Bearer header beside an option that authenticates by itself ----------------


@pytest.mark.parametrize(
    "request_code",
    [
        "$client->get('https://api.hubapi.com/companies/v2/companies/paged', "
        "['query' => ['hapikey' => $key], 'auth' => ['u', 'p']]);",
        "$client->get('https://api.hubapi.com/companies/v2/companies/paged?hapikey=' . $key, "
        "['auth' => ['u', 'p']]);",
        "$client->get('https://api.hubapi.com/companies/v2/companies/paged?hapikey=' . $key, "
        "['auth_basic' => ['u', 'p']]);",
    ],
)
def test_a_request_that_authenticates_by_an_option_is_left(request_code):
    source = (
        "<?php\nuse GuzzleHttp\\Client;\n$key = getenv('HAPIKEY');\n"
        "$client = new Client();\n" + request_code + "\n"
    )
    result = migrate(source)
    assert result.new is None
    assert "already authenticates" in result.sites[0].reason


def test_a_client_that_authenticates_by_default_is_left():
    source = (
        "<?php\nuse GuzzleHttp\\Client;\n"
        "$client = new Client(['base_uri' => 'https://api.hubapi.com/', 'auth' => ['u', 'p']]);\n"
        "$client->get('contacts/v1/lists', ['query' => ['hapikey' => getenv('HAPIKEY')]]);\n"
        "$client->get('owners/v2/owners?hapikey=' . getenv('HAPIKEY'));\n"
    )
    result = migrate(source)
    assert result.new is None
    assert [s.status.value for s in result.sites] == ["manual", "manual"]
    assert all("already authenticates" in s.reason for s in result.sites)


# -- W8: what the file declares itself is not the library of that name -----------------


def test_a_class_http_of_the_file_is_not_laravels_facade():
    source = """<?php
namespace App;
class Http { public static function get($url, $q = []) { return file_get_contents($url . '?' . http_build_query($q)); } }
Http::get('https://api.hubapi.com/contacts/v1/lists', ['hapikey' => getenv('HAPIKEY')]);
"""
    result = migrate(source)
    assert "withToken" not in (result.new or b"").decode()
    assert all(s.status.value != "rewrite" for s in result.sites)


def test_laravels_facade_is_still_migrated():
    source = """<?php
namespace App;
use Illuminate\\Support\\Facades\\Http;
Http::get('https://api.hubapi.com/contacts/v1/lists', ['hapikey' => getenv('HAPIKEY')]);
"""
    assert "Http::withToken(" in migrate(source).new.decode()


@pytest.mark.parametrize(
    "declared",
    [
        "function file_get_contents($url) { return \\file_get_contents($url); }",
        "use function Vendor\\Cache\\file_get_contents;",
        "function stream_context_create($o) { return \\stream_context_create($o); }",
    ],
)
def test_a_function_of_the_files_namespace_is_not_phps(declared):
    source = (
        "<?php\nnamespace App;\n" + declared + "\n"
        "$r = file_get_contents('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('HAPIKEY'));\n"
    )
    result = migrate(source)
    assert result.new is None
    assert [s.status.value for s in result.sites] == ["manual"]


def test_a_fully_qualified_call_is_phps_own():
    source = (
        "<?php\nnamespace App;\nfunction file_get_contents($url) { return ''; }\n"
        "$r = \\file_get_contents('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('HAPIKEY'));\n"
    )
    assert [s for s, _ in verdicts(source)] == ["rewrite"]


# -- left manual though mechanical ------------------------------------------------------


def test_urlencode_of_the_key_is_the_same_key():
    source = (
        "<?php\n$key = getenv('HAPIKEY');\n"
        + curl("urlencode($key)")
        + curl("$key", "owners/v2/owners")
    )
    assert [s for s, _ in verdicts(source)] == ["rewrite", "rewrite"]


def test_a_heredoc_url_of_one_line_is_cut():
    source = (
        "<?php\nfunction lists() {\n    $key = getenv('HAPIKEY');\n"
        "    $url = <<<EOT\n    https://api.hubapi.com/contacts/v1/lists?hapikey={$key}&count=5\n    EOT;\n"
        "    $ch = curl_init($url);\n    curl_exec($ch);\n}\n"
    )
    result = migrate(source)
    text = result.new.decode()
    assert "    https://api.hubapi.com/contacts/v1/lists?count=5\n    EOT;" in text
    assert result.sites[0].calls[0].path == "/contacts/v1/lists"
    several = source.replace("lists?hapikey", "lists\n    ?hapikey")
    assert [s for s, _ in verdicts(several)] == ["manual"]


@pytest.mark.parametrize(
    "base",
    [
        "$base = getenv('SANDBOX') ? 'https://sandbox.example.com' : 'https://api.hubapi.com';",
        "$base = 'https://api.hubapi.com';\nif (getenv('MOCK')) { $base = 'https://mock.example.com'; }",
        "$base = getenv('HS_BASE') ?: 'https://mock.example.com';",
    ],
)
def test_a_host_chosen_at_run_time_among_others_is_left(base):
    source = (
        "<?php\n" + base + "\n"
        "$ch = curl_init($base . '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY'));\n"
        "curl_exec($ch);\n"
    )
    result = migrate(source)
    assert result.new is None
    assert ".example.com" in result.sites[0].reason


def test_a_dollar_brace_key_in_a_string_is_the_variable():
    source = (
        "<?php\n$key = getenv('HAPIKEY');\n"
        '$a = curl_init("https://api.hubapi.com/owners/v2/owners?hapikey=${key}");\n'
        "curl_exec($a);\n" + curl("$key")
    )
    assert [s for s, _ in verdicts(source)] == ["rewrite", "rewrite"]


def test_a_guzzle_or_laravel_url_whose_host_is_chosen_at_run_time_is_left():
    base = "$base = getenv('SANDBOX') ? 'https://sandbox.example.com' : 'https://api.hubapi.com';\n"
    guzzle = (
        "<?php\nuse GuzzleHttp\\Client;\n" + base + "$c = new Client();\n"
        "$c->get($base . '/contacts/v1/lists', ['query' => ['hapikey' => getenv('HAPIKEY')]]);\n"
    )
    laravel = (
        "<?php\nuse Illuminate\\Support\\Facades\\Http;\n"
        + base
        + "Http::get($base . '/contacts/v1/lists', ['hapikey' => getenv('HAPIKEY')]);\n"
    )
    for source in (guzzle, laravel):
        result = migrate(source)
        assert result.new is None
        assert "sandbox.example.com" in result.sites[0].reason


@pytest.mark.parametrize(
    "settings, verdict",
    [
        ("$settings = get_option('hubspot');\n$key = $settings['api_key'];", "rewrite"),
        ("$key = get_option('hubspot')['api_key'];", "rewrite"),
        ("$key = config('services.hubspot')['key'];", "rewrite"),
        (
            "$settings = get_option('hubspot');\n$settings['api_key'] = $_GET['k'];\n"
            "$key = $settings['api_key'];",
            "manual",
        ),
        ("$settings = get_option('hubspot');\n$key = $settings[$portal];", "manual"),
        ("$settings = $db->settings();\n$key = $settings['api_key'];", "manual"),
    ],
)
def test_a_field_of_a_setting_read_whole_is_the_configured_key(settings, verdict):
    source = "<?php\n" + settings + "\n" + curl("$key")
    assert [s for s, _ in verdicts(source)] == [verdict]


def test_get_option_in_a_file_that_switches_sites_is_left():
    source = (
        "<?php\nforeach (get_sites() as $site) {\n    switch_to_blog($site->blog_id);\n"
        "    $key = get_option('hubspot_key');\n"
        + curl("$key")
        + "    restore_current_blog();\n}\n"
    )
    result = migrate(source)
    assert result.new is None and "switch_to_blog" in result.sites[0].reason


def test_a_webhooks_sdk_client_and_a_url_sharing_its_key_are_left():
    source = (
        "<?php\n$key = getenv('HAPIKEY');\n"
        "$dev = \\HubSpot\\Factory::createWithApiKey($key);\n"
        "$dev->webhooks()->settingsApi()->getAll(12345);\n" + curl("$key")
    )
    result = migrate(source)
    assert result.new is None
    assert [s.status.value for s in result.sites] == ["manual", "manual"]


def test_a_protocol_relative_url_leaves_the_clients_base():
    source = (
        "<?php\nuse GuzzleHttp\\Client;\n"
        + CLIENT
        + "$hs->get('//hooks.slack.com/x');\n"
    )
    result = migrate(source)
    assert result.new is None and "hooks.slack.com" in result.sites[0].reason


def test_config_and_env_of_the_same_variable_are_one_key(tmp_path):
    (tmp_path / "artisan").write_text("<?php\n")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "services.php").write_text(
        "<?php\nreturn [\n    'hubspot' => [\n        'key' => env('HUBSPOT_API_KEY'),\n"
        "        'portal' => env('HUBSPOT_PORTAL_KEY'),\n    ],\n];\n"
    )
    (tmp_path / "app").mkdir()
    path = str(tmp_path / "app" / "Sync.php")
    source = (
        "<?php\nuse Illuminate\\Support\\Facades\\Http;\n"
        "Http::get('https://api.hubapi.com/contacts/v1/lists', ['hapikey' => config('services.hubspot.%s')]);\n"
        "Http::get('https://api.hubapi.com/owners/v2/owners', ['hapikey' => env('HUBSPOT_API_KEY')]);\n"
    )
    same = migrate(source % "key", path)
    sites = [s for s in same.sites if s.kind.value != "setting"]
    assert [s.status.value for s in sites] == ["rewrite", "rewrite"]
    other = migrate(source % "portal", path)
    assert [s.status.value for s in other.sites] == ["manual", "manual"]
    assert "two different keys" in other.sites[0].reason


def test_getenv_and_dollar_env_of_one_variable_are_one_key():
    source = (
        "<?php\n"
        + curl("getenv('HAPIKEY')")
        + curl("$_ENV['HAPIKEY']", "owners/v2/owners")
    )
    assert [s for s, _ in verdicts(source)] == ["rewrite", "rewrite"]


def test_a_public_wrapper_given_its_url_by_callers_is_left():
    """Other files may call a function (or a public method) with any URL: the
    calls this file makes do not tell where the others send the token."""
    source = (
        "<?php\nfunction hs_get($url) {\n"
        "    return wp_remote_get($url . '?hapikey=' . getenv('HAPIKEY'));\n}\n"
        "hs_get('https://api.hubapi.com/contacts/v1/lists');\n"
    )
    result = migrate(source)
    assert result.new is None
    assert "other files" in result.sites[0].reason
    fixed_host = source.replace(
        "$url . '?hapikey='", "'https://api.hubapi.com' . $url . '?hapikey='"
    )
    fixed_host = fixed_host.replace(
        "hs_get('https://api.hubapi.com/contacts", "hs_get('/contacts"
    )
    assert [s for s, _ in verdicts(fixed_host)] == ["rewrite"]


SECRET = "5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60"


@pytest.mark.parametrize(
    "key",
    [
        f"$db->query('SELECT k FROM portals WHERE fallback = {SECRET}')->fetchColumn()",
        f"lookup('a-rather-long-first-argument-that-pushes-it', '{SECRET}')",
        f"$rows['{SECRET}']",
        f"getenv('X') ? '{SECRET}' : getenv('Y')",
    ],
)
def test_no_reason_shows_a_key_or_a_piece_of_one(key):
    source = "<?php\n" + curl(key)
    result = migrate(source)
    assert result.sites and result.sites[0].status.value == "manual"
    for site in result.sites:
        assert SECRET[:8] not in site.reason, site.reason


def test_a_client_with_a_default_authorization_header_is_left():
    source = (
        "<?php\nuse GuzzleHttp\\Client;\n"
        "$client = new Client(['headers' => ['Authorization' => 'Basic ' . getenv('PROXY_AUTH')]]);\n"
        "$client->get('https://api.hubapi.com/contacts/v1/lists', ['query' => ['hapikey' => getenv('HAPIKEY')]]);\n"
    )
    result = migrate(source)
    assert result.new is None and "Authorization" in result.sites[0].reason


def test_a_wordpress_polyfill_of_the_file_is_not_wordpress():
    source = (
        "<?php\nif (!function_exists('wp_remote_get')) {\n"
        "    function wp_remote_get($url, $args = []) { return file_get_contents($url); }\n}\n"
        "$r = wp_remote_get('https://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('HAPIKEY'));\n"
    )
    result = migrate(source)
    assert result.new is None
    assert "declares or imports itself" in result.sites[-1].reason
