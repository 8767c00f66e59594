<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LocalCluster</name>
    <message>
        <location filename="../../app/local_cluster.cpp" line="35"/>
        <source>The local cluster did not start (exit code %1):
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/local_cluster.cpp" line="51"/>
        <source>Starting the local cluster with 3 simulated nodes (containerd nodes are not in this build yet)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/timoneiro.cpp" line="30"/>
        <location filename="../../app/timoneiro.cpp" line="85"/>
        <source>Timoneiro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="31"/>
        <source>Cannot open the cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="53"/>
        <source>Timoneiro: a desktop Kubernetes lab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="56"/>
        <source>Open the cluster of this kubeconfig.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="58"/>
        <source>The kubeconfig context to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui</name>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="21"/>
        <source>A Pod is the smallest thing Kubernetes runs: one or more containers that share an IP address and volumes, placed on one node by the scheduler and run there by that node&apos;s kubelet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="24"/>
        <source>A Deployment keeps a number of identical pods running and changes them gradually: for each version of the pod template it owns a ReplicaSet, and the deployment controller moves replicas from the old ReplicaSets to the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="28"/>
        <source>A ReplicaSet keeps exactly spec.replicas pods matching its selector: the replicaset controller creates pods from its template when there are too few and deletes some when there are too many.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="31"/>
        <source>A Service gives a stable virtual IP (ClusterIP) and DNS name to the pods its selector matches; the endpoints controller keeps the list of those pods&apos; IPs, and kube-proxy sends traffic to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="34"/>
        <source>The addresses of the ready pods behind a Service, kept current by the endpoints controller as pods come, go and become ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="37"/>
        <source>A Node is a machine that runs pods. Its kubelet reports its capacity and renews a Lease; when the lease stops, the node controller marks it Unknown and moves its pods elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="40"/>
        <source>A Namespace groups objects and scopes their names, quotas and permissions. Deleting it deletes everything in it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="42"/>
        <source>An object stored by the API server; controllers watch objects like it and act on changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="54"/>
        <source>It was created by the %1 %2, which controls it: delete that and this goes too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="63"/>
        <source>Phase %1: no node yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="64"/>
        <source>Phase %1 on node %2, IP %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="65"/>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="73"/>
        <source>The scheduler chose %1. Each node it looked at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="74"/>
        <source>The scheduler found no node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="83"/>
        <source>fits, score %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="89"/>
        <source>rejected -- %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::DetailsPanel</name>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="22"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="22"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="22"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="22"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="22"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="27"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="28"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="29"/>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::MainWindow</name>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="35"/>
        <source>Timoneiro — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="41"/>
        <source>All namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="43"/>
        <source>Filter by text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="46"/>
        <source>Label selector, e.g. app=web,tier!=db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="60"/>
        <source>Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="118"/>
        <source>Cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="133"/>
        <source>Workloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="133"/>
        <source>Pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="133"/>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="134"/>
        <source>ReplicaSets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="135"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="135"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="135"/>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="136"/>
        <source>EndpointSlices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="137"/>
        <source>NetworkPolicies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="138"/>
        <source>Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="138"/>
        <source>ConfigMaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="138"/>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="139"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="139"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="139"/>
        <source>Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="140"/>
        <source>ResourceQuotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="140"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="212"/>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="216"/>
        <source>Scale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="219"/>
        <location filename="../../ui/views/main_window.cpp" line="237"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="219"/>
        <source>Delete %1 %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="224"/>
        <location filename="../../ui/views/main_window.cpp" line="250"/>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="224"/>
        <source>Replicas of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/main_window.cpp" line="268"/>
        <source>%n object(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ResourceTableModel</name>
    <message>
        <location filename="../../ui/models/resource_table_model.cpp" line="15"/>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
