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
    <name>timoneiro::ui</name>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="21"/>
        <source>A Pod is the smallest thing Kubernetes runs: one or more containers that share an IP address and volumes, placed on one node by the scheduler and run there by that node&apos;s kubelet.</source>
        <translation>Um Pod é a menor coisa que o Kubernetes executa: um ou mais contêineres que compartilham um endereço IP e volumes, colocados em um nó pelo scheduler e executados ali pelo kubelet desse nó.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="24"/>
        <source>A Deployment keeps a number of identical pods running and changes them gradually: for each version of the pod template it owns a ReplicaSet, and the deployment controller moves replicas from the old ReplicaSets to the new one.</source>
        <translation>Um Deployment mantém um número de pods idênticos rodando e os muda aos poucos: para cada versão do template de pod ele tem um ReplicaSet, e o controlador de deployments move réplicas dos ReplicaSets antigos para o novo.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="28"/>
        <source>A ReplicaSet keeps exactly spec.replicas pods matching its selector: the replicaset controller creates pods from its template when there are too few and deletes some when there are too many.</source>
        <translation>Um ReplicaSet mantém exatamente spec.replicas pods que casam com seu seletor: o controlador de replicasets cria pods a partir do template quando faltam e apaga alguns quando sobram.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="31"/>
        <source>A Service gives a stable virtual IP (ClusterIP) and DNS name to the pods its selector matches; the endpoints controller keeps the list of those pods&apos; IPs, and kube-proxy sends traffic to them.</source>
        <translation>Um Service dá um IP virtual estável (ClusterIP) e um nome DNS aos pods que seu seletor escolhe; o controlador de endpoints mantém a lista dos IPs desses pods, e o kube-proxy envia o tráfego a eles.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="34"/>
        <source>The addresses of the ready pods behind a Service, kept current by the endpoints controller as pods come, go and become ready.</source>
        <translation>Os endereços dos pods prontos por trás de um Service, mantidos em dia pelo controlador de endpoints conforme pods chegam, saem e ficam prontos.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="37"/>
        <source>A Node is a machine that runs pods. Its kubelet reports its capacity and renews a Lease; when the lease stops, the node controller marks it Unknown and moves its pods elsewhere.</source>
        <translation>Um Node é uma máquina que roda pods. Seu kubelet informa a capacidade e renova um Lease; quando o lease para, o controlador de nós o marca como Unknown e move seus pods para outros nós.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="40"/>
        <source>A Namespace groups objects and scopes their names, quotas and permissions. Deleting it deletes everything in it first.</source>
        <translation>Um Namespace agrupa objetos e delimita seus nomes, cotas e permissões. Apagá-lo apaga antes tudo o que há nele.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="42"/>
        <source>An object stored by the API server; controllers watch objects like it and act on changes.</source>
        <translation>Um objeto guardado pelo API server; controladores observam objetos como ele e agem quando mudam.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="54"/>
        <source>It was created by the %1 %2, which controls it: delete that and this goes too.</source>
        <translation>Foi criado pelo %1 %2, que o controla: apague aquele e este vai junto.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="63"/>
        <source>Phase %1: no node yet.</source>
        <translation>Fase %1: ainda sem nó.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="64"/>
        <source>Phase %1 on node %2, IP %3.</source>
        <translation>Fase %1 no nó %2, IP %3.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="65"/>
        <source>(none yet)</source>
        <translation>(ainda nenhum)</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="73"/>
        <source>The scheduler chose %1. Each node it looked at:</source>
        <translation>O scheduler escolheu %1. Cada nó que ele avaliou:</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="74"/>
        <source>The scheduler found no node: %1</source>
        <translation>O scheduler não encontrou nó: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="83"/>
        <source>fits, score %1 (%2)</source>
        <translation>cabe, pontuação %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="89"/>
        <source>rejected -- %1</source>
        <translation>rejeitado -- %1</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::DetailsPanel</name>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="22"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="22"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="22"/>
        <source>Age</source>
        <translation>Idade</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="22"/>
        <source>From</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="22"/>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="27"/>
        <source>Overview</source>
        <translation>Visão geral</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="28"/>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="29"/>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::MainWindow</name>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="35"/>
        <source>Timoneiro — %1</source>
        <translation>Timoneiro — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="41"/>
        <source>All namespaces</source>
        <translation>Todos os namespaces</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="43"/>
        <source>Filter by text</source>
        <translation>Filtrar por texto</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="46"/>
        <source>Label selector, e.g. app=web,tier!=db</source>
        <translation>Seletor de labels, por ex. app=web,tier!=db</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="60"/>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="118"/>
        <source>Cluster: %1</source>
        <translation>Cluster: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="133"/>
        <source>Workloads</source>
        <translation>Cargas de trabalho</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="133"/>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="133"/>
        <source>Deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="134"/>
        <source>ReplicaSets</source>
        <translation>ReplicaSets</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="135"/>
        <source>Network</source>
        <translation>Rede</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="135"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="135"/>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="136"/>
        <source>EndpointSlices</source>
        <translation>EndpointSlices</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="137"/>
        <source>NetworkPolicies</source>
        <translation>NetworkPolicies</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="138"/>
        <source>Config</source>
        <translation>Configuração</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="138"/>
        <source>ConfigMaps</source>
        <translation>ConfigMaps</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="138"/>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="139"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="139"/>
        <source>Nodes</source>
        <translation>Nós</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="139"/>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="140"/>
        <source>ResourceQuotas</source>
        <translation>ResourceQuotas</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="140"/>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="212"/>
        <source>Delete %1</source>
        <translation>Apagar %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="216"/>
        <source>Scale…</source>
        <translation>Escalar…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="219"/>
        <location filename="../../ui/views/main_window.cpp" line="237"/>
        <source>Delete</source>
        <translation>Apagar</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="219"/>
        <source>Delete %1 %2?</source>
        <translation>Apagar %1 %2?</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="224"/>
        <location filename="../../ui/views/main_window.cpp" line="250"/>
        <source>Scale</source>
        <translation>Escalar</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="224"/>
        <source>Replicas of %1:</source>
        <translation>Réplicas de %1:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/main_window.cpp" line="268"/>
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
