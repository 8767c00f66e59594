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
    <name>timoneiro::ui::MainWindow</name>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="30"/>
        <source>Timoneiro — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="36"/>
        <source>All namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="38"/>
        <source>Filter by text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="41"/>
        <source>Label selector, e.g. app=web,tier!=db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="52"/>
        <source>Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="104"/>
        <source>Cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="119"/>
        <source>Workloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="119"/>
        <source>Pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="119"/>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="120"/>
        <source>ReplicaSets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="121"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="121"/>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="121"/>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="122"/>
        <source>EndpointSlices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="123"/>
        <source>NetworkPolicies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="124"/>
        <source>Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="124"/>
        <source>ConfigMaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="124"/>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="125"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="125"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="125"/>
        <source>Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="126"/>
        <source>ResourceQuotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="126"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/main_window.cpp" line="171"/>
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
