<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>LocalCluster</name>
    <message>
        <location filename="../../app/local_cluster.cpp" line="35"/>
        <source>The local cluster did not start (exit code %1):
%2</source>
        <translation>O cluster local não iniciou (código de saída %1):
%2</translation>
    </message>
    <message>
        <location filename="../../app/local_cluster.cpp" line="51"/>
        <source>Starting the local cluster with 3 simulated nodes (containerd nodes are not in this build yet)…</source>
        <translation>Iniciando o cluster local com 3 nós simulados (os nós com containerd ainda não estão nesta versão)…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/timoneiro.cpp" line="30"/>
        <location filename="../../app/timoneiro.cpp" line="85"/>
        <source>Timoneiro</source>
        <translation>Timoneiro</translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="31"/>
        <source>Cannot open the cluster: %1</source>
        <translation>Não foi possível abrir o cluster: %1</translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="53"/>
        <source>Timoneiro: a desktop Kubernetes lab.</source>
        <translation>Timoneiro: um laboratório de Kubernetes no desktop.</translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="56"/>
        <source>Open the cluster of this kubeconfig.</source>
        <translation>Abre o cluster deste kubeconfig.</translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="58"/>
        <source>The kubeconfig context to open.</source>
        <translation>O contexto do kubeconfig a abrir.</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::MainWindow</name>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="30"/>
        <source>Timoneiro — %1</source>
        <translation>Timoneiro — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="36"/>
        <source>All namespaces</source>
        <translation>Todos os namespaces</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="38"/>
        <source>Filter by text</source>
        <translation>Filtrar por texto</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="41"/>
        <source>Label selector, e.g. app=web,tier!=db</source>
        <translation>Seletor de labels, por ex. app=web,tier!=db</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="52"/>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="104"/>
        <source>Cluster: %1</source>
        <translation>Cluster: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="119"/>
        <source>Workloads</source>
        <translation>Cargas de trabalho</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="119"/>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="119"/>
        <source>Deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="120"/>
        <source>ReplicaSets</source>
        <translation>ReplicaSets</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="121"/>
        <source>Network</source>
        <translation>Rede</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="121"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="121"/>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="122"/>
        <source>EndpointSlices</source>
        <translation>EndpointSlices</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="123"/>
        <source>NetworkPolicies</source>
        <translation>NetworkPolicies</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="124"/>
        <source>Config</source>
        <translation>Configuração</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="124"/>
        <source>ConfigMaps</source>
        <translation>ConfigMaps</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="124"/>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="125"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="125"/>
        <source>Nodes</source>
        <translation>Nós</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="125"/>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="126"/>
        <source>ResourceQuotas</source>
        <translation>ResourceQuotas</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="126"/>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/main_window.cpp" line="171"/>
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n objeto</numerusform>
            <numerusform>%n objetos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ResourceTableModel</name>
    <message>
        <location filename="../../ui/models/resource_table_model.cpp" line="15"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
</context>
</TS>
