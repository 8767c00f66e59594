<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LocalCluster</name>
    <message>
        <location filename="../../app/local_cluster.cpp" line="26"/>
        <source>Local cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/local_cluster.cpp" line="39"/>
        <source>The local cluster did not start (exit code %1):
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/local_cluster.cpp" line="60"/>
        <source>Starting the local cluster (the timoneirod system service)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/local_cluster.cpp" line="66"/>
        <source>Starting the local cluster (containerd nodes when this machine can run them, simulated nodes otherwise)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/timoneiro.cpp" line="25"/>
        <source>Timoneiro: a desktop Kubernetes lab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="28"/>
        <source>Open the cluster of this kubeconfig.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="30"/>
        <source>The kubeconfig context to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ClusterContexts</name>
    <message>
        <location filename="../../ui/models/cluster_contexts.cpp" line="44"/>
        <source>%1 refused your credentials (401 Unauthorized): the token or client certificate of this context has expired or is not valid for this cluster. Get new credentials (or a new kubeconfig) and choose the context again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/cluster_contexts.cpp" line="49"/>
        <source>%1: you are not allowed to do that (403 Forbidden): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/cluster_contexts.cpp" line="51"/>
        <source>Cannot reach %1: %2. Is the cluster running, and is its address in the kubeconfig right? Retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/cluster_contexts.cpp" line="54"/>
        <source>%1 answered with an error (%2 %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ClusterSwitcher</name>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="32"/>
        <source>Cluster:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="33"/>
        <source>The cluster shown in this window: the local cluster or a context of your kubeconfig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="34"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="35"/>
        <source>Read the kubeconfig files again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="37"/>
        <location filename="../../ui/views/cluster_switcher.cpp" line="61"/>
        <source>Local cluster (on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="38"/>
        <location filename="../../ui/views/cluster_switcher.cpp" line="62"/>
        <source>Timoneiro starts it, or attaches to it when it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="67"/>
        <source>Cannot read the kubeconfig: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::DetailsPanel</name>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="43"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="43"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="43"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="43"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="43"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="50"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="51"/>
        <source>Explain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="52"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="53"/>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="54"/>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::EventsTimeline</name>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="21"/>
        <source>All namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="23"/>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="24"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="25"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="33"/>
        <source>Click an event to select its object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="36"/>
        <source>Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="38"/>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::EventsTimelineModel</name>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="163"/>
        <source>%1 (x%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="174"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="175"/>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="176"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="177"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="178"/>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="179"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ExposeDialog</name>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="31"/>
        <source>Expose %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="41"/>
        <source>same as the port, or a named port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="46"/>
        <source>allocated by the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="48"/>
        <source>e.g. db.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="51"/>
        <source>Service name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="52"/>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="53"/>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="54"/>
        <source>Target port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="55"/>
        <source>Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="56"/>
        <source>Node port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="57"/>
        <source>External name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="58"/>
        <source>The Service selects the pods with the target&apos;s labels (a Deployment&apos;s selector), as kubectl expose does.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::LegendItem</name>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="140"/>
        <location filename="../../ui/views/topology_regions.cpp" line="145"/>
        <source>Pods:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="142"/>
        <source>running, ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="142"/>
        <source>running, not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="143"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="143"/>
        <source>failed / crashing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="144"/>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="144"/>
        <source>terminating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="146"/>
        <location filename="../../ui/views/topology_regions.cpp" line="160"/>
        <source>Lines:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="162"/>
        <source>Service sends traffic to a ready pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="163"/>
        <source>endpoint not ready: no traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="164"/>
        <source>owns (Deployment → ReplicaSet → Pod)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::LogsView</name>
    <message>
        <location filename="../../ui/views/logs_view.cpp" line="21"/>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/logs_view.cpp" line="23"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/logs_view.cpp" line="36"/>
        <source>Container:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/logs_view.cpp" line="119"/>
        <source>— the log ended (the container stopped or the server closed the stream) —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/logs_view.cpp" line="122"/>
        <source>The server refused the log of %1/%2 (%3 %4): %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::MainWindow</name>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="61"/>
        <location filename="../../ui/views/main_window.cpp" line="137"/>
        <source>Timoneiro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="137"/>
        <source>Timoneiro — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="138"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="139"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="140"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="141"/>
        <source>Events timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="142"/>
        <source>&amp;Presentation mode (large fonts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="143"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="145"/>
        <source>Choose a cluster in the toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="173"/>
        <source>The translation for %1 could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="194"/>
        <source>Opening the local cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="200"/>
        <source>Cannot open the context %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="310"/>
        <source>All namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="312"/>
        <source>Filter by text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="315"/>
        <source>Label selector, e.g. app=web,tier!=db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="329"/>
        <source>Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="352"/>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="53"/>
        <source>Workloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="53"/>
        <source>Pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="53"/>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="54"/>
        <source>ReplicaSets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="55"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="55"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="55"/>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="56"/>
        <source>EndpointSlices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="57"/>
        <source>NetworkPolicies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="58"/>
        <source>Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="58"/>
        <source>ConfigMaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="58"/>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="59"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="59"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="59"/>
        <source>Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="60"/>
        <source>ResourceQuotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="60"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="136"/>
        <source>This app does not show %1 objects yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="182"/>
        <source>Edit YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="183"/>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="184"/>
        <source>Scale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="185"/>
        <location filename="../../ui/views/main_window_actions.cpp" line="210"/>
        <location filename="../../ui/views/main_window_actions.cpp" line="309"/>
        <source>Restart rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="186"/>
        <source>Expose as a Service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="191"/>
        <source>Uncordon (allow new pods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="191"/>
        <source>Cordon (no new pods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="192"/>
        <source>Drain (cordon, then evict its pods)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="200"/>
        <location filename="../../ui/views/main_window_actions.cpp" line="280"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="200"/>
        <source>Delete %1 %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="205"/>
        <location filename="../../ui/views/main_window_actions.cpp" line="295"/>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="205"/>
        <source>Replicas of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="211"/>
        <source>Restart the pods of %1 %2? They are replaced gradually, as kubectl rollout restart does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="216"/>
        <location filename="../../ui/views/main_window_actions.cpp" line="322"/>
        <source>Cordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="217"/>
        <source>Allow new pods on node %1 again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="218"/>
        <source>Stop placing new pods on node %1? Its pods keep running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="222"/>
        <location filename="../../ui/views/main_window_actions.cpp" line="338"/>
        <source>Drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="223"/>
        <source>Drain node %1? It is cordoned, then each of its pods (except DaemonSet and mirror pods) is evicted and recreated elsewhere by its controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="251"/>
        <source>you are not allowed to do this (403 Forbidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="253"/>
        <source>the object changed meanwhile or already exists (409 Conflict)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="255"/>
        <source>the server found the request invalid (422 Invalid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="257"/>
        <source>the server refused it for now (429, e.g. a PodDisruptionBudget)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="259"/>
        <source>error %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="260"/>
        <source>%1 refused: %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="280"/>
        <source>Deleted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="295"/>
        <source>Scaled %1 to %2 replicas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="309"/>
        <source>Restarting the rollout of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="322"/>
        <source>Uncordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="323"/>
        <source>Node %1 cordoned: no new pods go there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="324"/>
        <source>Node %1 uncordoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/main_window_actions.cpp" line="341"/>
        <source>Node %1 drained: %n pod(s) evicted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/main_window_actions.cpp" line="343"/>
        <source>%n pod(s) DELETED instead of evicted (this server does not serve eviction)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="345"/>
        <source>left in place: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="347"/>
        <source>refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="364"/>
        <source>Expose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="364"/>
        <source>Service %1 (%2) created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/main_window_actions.cpp" line="382"/>
        <source>%n object(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_tabs.cpp" line="19"/>
        <source>Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_tabs.cpp" line="31"/>
        <source>YAML editor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::Manifest</name>
    <message>
        <location filename="../../ui/models/manifest.cpp" line="175"/>
        <source>The manifest is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest.cpp" line="179"/>
        <source>This document is not an object (a mapping of fields).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest.cpp" line="183"/>
        <source>apiVersion: Required value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest.cpp" line="185"/>
        <source>kind: Required value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest.cpp" line="188"/>
        <source>metadata.name: Required value: the editor applies objects by name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ManifestApplier</name>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="41"/>
        <source>Cannot reach the cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="43"/>
        <source>The cluster did not accept your credentials (401 Unauthorized). They may have expired: renew them or open the kubeconfig again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="46"/>
        <source>Forbidden (403): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="48"/>
        <source>Conflict (409): the object was changed on the server after you opened it. Your text is kept; reload the live object or apply your changes over it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="51"/>
        <source>Invalid (422): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="53"/>
        <source>Not found (404): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="54"/>
        <source>The server refused it (%1 %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="63"/>
        <source>no matches for kind &quot;%1&quot; in version &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="216"/>
        <source>namespace &quot;%1&quot; is created by document %2 of this manifest; this document is checked once it exists</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::NodeDrain</name>
    <message>
        <location filename="../../ui/models/node_drain.cpp" line="19"/>
        <source>mirror pod, managed by the kubelet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/node_drain.cpp" line="21"/>
        <source>DaemonSet pod, its controller ignores cordons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/node_drain.cpp" line="24"/>
        <source>not managed by a controller: evicting it would remove it for good (kubectl drain needs --force)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/node_drain.cpp" line="30"/>
        <source>Cordoning %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/node_drain.cpp" line="81"/>
        <source>Evicting %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::NodeRegion</name>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="28"/>
        <source>Pods waiting for the scheduler to choose a node. If one stays here, select it: its events say why no node fits (not enough CPU or memory, taints, selectors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="33"/>
        <source>&lt;b&gt;Node %1&lt;/b&gt;: a machine of the cluster. The boxes inside are the pods running on it.&lt;br&gt;Internal IP %2&lt;br&gt;Pod network %3: each pod here gets an IP from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="35"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="36"/>
        <source>not assigned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="38"/>
        <source>Bridge %1: the virtual switch the pods on this node are plugged into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="41"/>
        <source>Gateway %1: the pods here send traffic for %2 to it, and this machine routes it to the other nodes&apos; bridges and Services without NAT, so every pod sees the real address of the other side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="45"/>
        <source>Simulated node: pods are marked Running but no container runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="78"/>
        <source>Not scheduled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="79"/>
        <source>Pending: waiting for a node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="85"/>
        <source>SIMULATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="87"/>
        <source>NOT READY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="87"/>
        <source>READY: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="89"/>
        <source>CORDONED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="102"/>
        <source>Node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="104"/>
        <source>IP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="104"/>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="105"/>
        <source>pod network %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="105"/>
        <source>not assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="107"/>
        <source>bridge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="110"/>
        <source>simulated: pods are marked Running, no container runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="112"/>
        <source>gateway %1 · routes %2 · no NAT</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ObjectActions</name>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="62"/>
        <source>the pod %1 has no labels, so no Service can select it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="68"/>
        <location filename="../../ui/models/object_actions.cpp" line="76"/>
        <source>%1 %2 has no selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="73"/>
        <source>couldn&apos;t convert expressions of the selector of %1 %2 to a Service selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="87"/>
        <source>unknown Service type &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="90"/>
        <source>an ExternalName Service needs an external name (a DNS name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="92"/>
        <source>port %1 is not between 1 and 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="131"/>
        <source>%1 cannot be restarted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ObjectDescription</name>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68"/>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68"/>
        <location filename="../../ui/models/object_description.cpp" line="158"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="75"/>
        <source>Running since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="77"/>
        <source>Waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="80"/>
        <source>Terminated: %1 (exit code %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="82"/>
        <location filename="../../ui/models/object_description.cpp" line="117"/>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="97"/>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="97"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="98"/>
        <source>(not scheduled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="99"/>
        <source>Pod IPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="99"/>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="100"/>
        <source>Host IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="115"/>
        <source>init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="118"/>
        <location filename="../../ui/models/object_description.cpp" line="137"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="118"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122"/>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122"/>
        <location filename="../../ui/models/object_description.cpp" line="162"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122"/>
        <location filename="../../ui/models/object_description.cpp" line="162"/>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122"/>
        <source>Restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="136"/>
        <source>Schedulable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="137"/>
        <source>no (cordoned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="138"/>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="138"/>
        <source>Pod CIDR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="139"/>
        <source>Taints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="139"/>
        <location filename="../../ui/models/object_description.cpp" line="159"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="158"/>
        <source>Cluster IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="159"/>
        <source>Selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="161"/>
        <source>External name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="162"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="162"/>
        <source>Target port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="162"/>
        <source>Node port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="162"/>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="169"/>
        <source>Replicas: %1 wanted, %2 current, %3 ready, %4 up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="184"/>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="184"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="194"/>
        <source>Owners</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ObjectExplainer</name>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="25"/>
        <source>A Pod is the smallest thing Kubernetes runs: one or more containers that share an IP address and volumes, placed on one node by the scheduler and run there by that node&apos;s kubelet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="28"/>
        <source>A Deployment keeps a number of identical pods running and changes them gradually: for each version of the pod template it owns a ReplicaSet, and the deployment controller moves replicas from the old ReplicaSets to the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="32"/>
        <source>A ReplicaSet keeps exactly spec.replicas pods matching its selector: the replicaset controller creates pods from its template when there are too few and deletes some when there are too many.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="35"/>
        <source>A Service gives a stable virtual IP (ClusterIP) and DNS name to the pods its selector matches; the endpoints controller keeps the list of those pods&apos; IPs, and kube-proxy sends traffic to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="38"/>
        <source>The addresses of the ready pods behind a Service, kept current by the endpoints controller as pods come, go and become ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="41"/>
        <source>A Node is a machine that runs pods. Its kubelet reports its capacity and renews a Lease; when the lease stops, the node controller marks it Unknown and moves its pods elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="44"/>
        <source>A Namespace groups objects and scopes their names, quotas and permissions. Deleting it deletes everything in it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="46"/>
        <source>An object stored by the API server; controllers watch objects like it and act on changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="53"/>
        <source>the replicaset controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="55"/>
        <source>the deployment controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="57"/>
        <source>the daemonset controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="59"/>
        <source>the statefulset controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="61"/>
        <source>the job controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="63"/>
        <source>the kubelet of that node (a mirror pod)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="64"/>
        <source>the controller of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="71"/>
        <source>the scheduler chose a node for the pod and bound it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="72"/>
        <source>no node passed the scheduler&apos;s filters; it retries when the cluster changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="73"/>
        <source>a controller saw fewer pods than wanted and created one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="74"/>
        <source>a controller saw more pods than wanted and deleted one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="75"/>
        <source>the deployment controller moved replicas between its ReplicaSets (a rollout or a scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="76"/>
        <source>the kubelet is stopping a container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="77"/>
        <source>the kubelet is fetching the container image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="78"/>
        <source>the container image is on the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="79"/>
        <source>the kubelet created the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="80"/>
        <source>the container is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="81"/>
        <source>the container keeps failing; the kubelet waits longer before each restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="82"/>
        <source>a probe failed, so the pod is not ready or the container is restarted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="83"/>
        <source>the node stopped reporting; the node controller will move its pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="84"/>
        <source>the node was cordoned: no new pods go there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="85"/>
        <source>the node was uncordoned: new pods may go there again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="86"/>
        <source>a node joined the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="102"/>
        <source>%1 created the %2 %3 for the %4 %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="115"/>
        <source>What just happened (newest first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="120"/>
        <source>%1 (by %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="120"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="139"/>
        <source>It was created by the %1 %2, which controls it: delete that and this goes too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="148"/>
        <source>This node is cordoned (spec.unschedulable): the scheduler places no new pods here; the pods already here keep running until drained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="155"/>
        <source>Phase %1: no node yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="156"/>
        <source>Phase %1 on node %2, IP %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="157"/>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="165"/>
        <source>The scheduler chose %1. Each node it looked at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="166"/>
        <source>The scheduler found no node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="175"/>
        <source>fits, score %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="181"/>
        <source>rejected -- %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::OwnerChain</name>
    <message>
        <location filename="../../ui/models/owner_chain.cpp" line="70"/>
        <source>a kind this app does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/owner_chain.cpp" line="83"/>
        <source>gone: an object of that name has another uid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::OwnerItem</name>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="200"/>
        <source>&lt;b&gt;Deployment %1&lt;/b&gt; in namespace %2&lt;br&gt;Wants %3 pod(s), %4 ready. It manages ReplicaSets: one per version of the pod template, scaling the new one up and the old ones down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="203"/>
        <source>&lt;b&gt;ReplicaSet %1&lt;/b&gt; in namespace %2&lt;br&gt;Keeps %3 pod(s) running (%4 ready): it creates pods when there are fewer and deletes some when there are more.%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="206"/>
        <source>Owned by %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="220"/>
        <source>Deployment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="220"/>
        <source>ReplicaSet %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="222"/>
        <source>0 pods (an older version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="223"/>
        <source>%1 of %2 pod(s) ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::PodItem</name>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="90"/>
        <source>Not scheduled yet: no node has been chosen for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="91"/>
        <source>Runs on node %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="94"/>
        <source>%1 (init): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="94"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="95"/>
        <source>&lt;b&gt;Pod %1&lt;/b&gt; in namespace %2&lt;br&gt;%3&lt;br&gt;Status: %4 (phase %5, %6)&lt;br&gt;Pod IP: %7&lt;br&gt;Containers: %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="96"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="97"/>
        <source>ready: Services send it traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="97"/>
        <source>not ready: Services send it no traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="98"/>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="110"/>
        <source>no IP yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="110"/>
        <source>IP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="117"/>
        <source>%1 · %2/%3 ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="126"/>
        <source>init: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/topology_items.cpp" line="130"/>
        <source>+%n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ResourceTableModel</name>
    <message>
        <location filename="../../ui/models/resource_table_model.cpp" line="24"/>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ServiceItem</name>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="154"/>
        <source>A stable address: connections to %1 go to one of the ready pods it is linked to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="159"/>
        <source>Also reachable on every node&apos;s IP at port(s) %1 (NodePort).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="161"/>
        <source>&lt;b&gt;Service %1&lt;/b&gt; in namespace %2&lt;br&gt;Type %3, ports %4&lt;br&gt;%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="178"/>
        <source>Service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="179"/>
        <source>name %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="180"/>
        <source>ClusterIP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="180"/>
        <location filename="../../ui/views/topology_items.cpp" line="181"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="181"/>
        <source>ports %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="186"/>
        <source>NodePort %1 on every node</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::TopologyScene</name>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="30"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="30"/>
        <source>stable addresses in front of pods; a line goes to each pod behind one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="31"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="31"/>
        <source>the machines of the cluster; each card inside a node is a pod running there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="32"/>
        <source>Workloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="32"/>
        <source>a Deployment manages ReplicaSets, and a ReplicaSet creates the pods</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::TopologyView</name>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="127"/>
        <source>Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="131"/>
        <source>All namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="146"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="146"/>
        <source>Zoom in (+ or the mouse wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="147"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="147"/>
        <source>Zoom out (- or the mouse wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="148"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="148"/>
        <source>Show the whole cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="149"/>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="149"/>
        <source>Save the picture as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="150"/>
        <source>Export SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="150"/>
        <source>Save the picture as an SVG drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="181"/>
        <source>Could not watch the cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/topology_view.cpp" line="232"/>
        <source>%n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/topology_view.cpp" line="233"/>
        <source>%n pod(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/topology_view.cpp" line="233"/>
        <source>%n Service(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="296"/>
        <source>Cluster topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="297"/>
        <source>Nodes, pods, Services and workloads, drawn by Timoneiro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="309"/>
        <source>Export as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="309"/>
        <source>Export as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="311"/>
        <source>SVG drawings (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="311"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="315"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="315"/>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::YamlEditor</name>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="42"/>
        <source>New from template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="49"/>
        <source>&amp;Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="50"/>
        <source>Ask the API server to check the manifest without changing anything (dry run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="51"/>
        <source>&amp;Diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="52"/>
        <source>Compare what the cluster has with what applying would make of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="53"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="54"/>
        <source>Create the objects, or update them when they exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="55"/>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="56"/>
        <source>Load the live object again (Undo brings your text back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="77"/>
        <source>Reload live object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="78"/>
        <source>Apply my changes over it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="79"/>
        <source>Force apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="80"/>
        <location filename="../../ui/views/yaml_editor.cpp" line="105"/>
        <source>Diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="81"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="104"/>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="140"/>
        <source>The text changed after this comparison: press Diff to compare again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="161"/>
        <source>There is no template for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="173"/>
        <source>New %1 from a template: edit it, then Validate or Apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="195"/>
        <source>Still waiting for the API server&apos;s answer to the last request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="204"/>
        <source>The YAML is not valid (line %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/yaml_editor.cpp" line="205"/>
        <source>The manifest is incomplete: %n problem(s), nothing was sent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="215"/>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/yaml_editor.cpp" line="229"/>
        <source>Validating %n document(s) on the server (dry run)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="246"/>
        <source>Valid: the API server accepts the manifest (dry run, nothing changed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/yaml_editor.cpp" line="248"/>
        <source>The API server found %n problem(s); each is marked on its line.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/yaml_editor.cpp" line="261"/>
        <source>Applying %n document(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="302"/>
        <source>%1 created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="302"/>
        <source>%1 unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="302"/>
        <source>%1 configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="306"/>
        <source>%1 not applied: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="318"/>
        <source>Conflict: the object changed on the server since you opened it, so it was not updated. Your text is kept. Reload the live object (Undo brings your text back), or apply your changes over the current object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="322"/>
        <source>Conflict: other field managers own fields this manifest sets, so the server refused the apply. Your text is kept. Force apply takes those fields over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="48"/>
        <source>Comparing with the cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="90"/>
        <source># %1: new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="91"/>
        <source># %1: changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="92"/>
        <source># %1: no changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="94"/>
        <source> (refused by the server: compared as written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="120"/>
        <source>%n of %1 object(s) would change.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="61"/>
        <source>Editing the live %1 &quot;%2&quot;: Apply sends your changes; changes made meanwhile on the server are reported, never written over your text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="108"/>
        <source>Cannot watch this object for changes on the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="134"/>
        <source>This object was deleted on the server. Your text is kept: Apply creates it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="142"/>
        <source>This object changed on the server since you opened it (resourceVersion %1). Your text is kept: Reload to take the new version, Diff to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="144"/>
        <source>This object changed on the server since you opened it (resourceVersion %1, by %2). Your text is kept: Reload to take the new version, Diff to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="155"/>
        <source>Reload needs one object with a kind and a name in the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="170"/>
        <source>The object no longer exists on the server; your text is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="178"/>
        <source>Reloaded the live object (resourceVersion %1). Undo (Ctrl+Z) brings your text back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="190"/>
        <source>Applying over the current object needs the one live object you opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="203"/>
        <source>Applying your changes over the current object…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="220"/>
        <source>Your changes were applied over the current object (resourceVersion %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
