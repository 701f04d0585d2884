<?php
// A stand-in for WordPress's HTTP API, over curl: enough of wp_remote_get,
// wp_remote_post and wp_remote_request for the behavioural test (no hapikey here).
function _stub_wp_request($url, $args, $method)
{
    $ch = curl_init($url);
    $lines = array();
    foreach (isset($args['headers']) ? $args['headers'] : array() as $name => $value) {
        $lines[] = $name . ': ' . $value;
    }
    curl_setopt($ch, CURLOPT_HTTPHEADER, $lines);
    curl_setopt($ch, CURLOPT_CUSTOMREQUEST, isset($args['method']) ? $args['method'] : $method);
    if (isset($args['body'])) {
        curl_setopt($ch, CURLOPT_POSTFIELDS, $args['body']);
    }
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    $body = curl_exec($ch);
    $code = curl_getinfo($ch, CURLINFO_HTTP_CODE);
    curl_close($ch);
    return array('response' => array('code' => $code), 'body' => $body);
}

function wp_remote_get($url, $args = array())
{
    return _stub_wp_request($url, $args, 'GET');
}

function wp_remote_post($url, $args = array())
{
    return _stub_wp_request($url, $args, 'POST');
}

function wp_remote_request($url, $args = array())
{
    return _stub_wp_request($url, $args, 'GET');
}

function wp_remote_retrieve_response_code($response)
{
    return $response['response']['code'];
}

function add_query_arg($key, $value = null, $url = null)
{
    if (is_array($key)) {
        $url = $value;
        $params = $key;
    } else {
        $params = array($key => $value);
    }
    return $url . (strpos($url, '?') === false ? '?' : '&') . http_build_query($params);
}

function get_option($name)
{
    return getenv('HUBSPOT_API_KEY');
}
