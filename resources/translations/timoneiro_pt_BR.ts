<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>LocalCluster</name>
    <message>
        <location filename="../../app/local_cluster.cpp" line="26" />
        <source>Local cluster: %1</source>
        <translation>Cluster local: %1</translation>
    </message>
    <message>
        <location filename="../../app/local_cluster.cpp" line="39" />
        <source>The local cluster did not start (exit code %1):
%2</source>
        <translation>O cluster local não iniciou (código de saída %1):
%2</translation>
    </message>
    <message>
        <location filename="../../app/local_cluster.cpp" line="60" />
        <source>Starting the local cluster (the timoneirod system service)…</source>
        <translation>Iniciando o cluster local (o serviço de sistema timoneirod)…</translation>
    </message>
    <message>
        <location filename="../../app/local_cluster.cpp" line="66" />
        <source>Starting the local cluster (containerd nodes when this machine can run them, simulated nodes otherwise)…</source>
        <translation>Iniciando o cluster local (nós containerd quando esta máquina consegue executá-los, nós simulados caso contrário)…</translation>
    </message>
    <message>
        <source>Starting the local cluster with 3 simulated nodes (containerd nodes are not in this build yet)…</source>
        <translation type="vanished">Iniciando o cluster local com 3 nós simulados (os nós com containerd ainda não estão nesta versão)…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Timoneiro</source>
        <translation type="vanished">Timoneiro</translation>
    </message>
    <message>
        <source>Cannot open the cluster: %1</source>
        <translation type="vanished">Não foi possível abrir o cluster: %1</translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="25" />
        <source>Timoneiro: a desktop Kubernetes lab.</source>
        <translation>Timoneiro: um laboratório de Kubernetes no desktop.</translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="28" />
        <source>Open the cluster of this kubeconfig.</source>
        <translation>Abre o cluster deste kubeconfig.</translation>
    </message>
    <message>
        <location filename="../../app/timoneiro.cpp" line="30" />
        <source>The kubeconfig context to open.</source>
        <translation>O contexto do kubeconfig a abrir.</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui</name>
    <message>
        <source>A Pod is the smallest thing Kubernetes runs: one or more containers that share an IP address and volumes, placed on one node by the scheduler and run there by that node's kubelet.</source>
        <translation type="vanished">Um Pod é a menor coisa que o Kubernetes executa: um ou mais contêineres que compartilham um endereço IP e volumes, colocados em um nó pelo scheduler e executados ali pelo kubelet desse nó.</translation>
    </message>
    <message>
        <source>A Deployment keeps a number of identical pods running and changes them gradually: for each version of the pod template it owns a ReplicaSet, and the deployment controller moves replicas from the old ReplicaSets to the new one.</source>
        <translation type="vanished">Um Deployment mantém um número de pods idênticos rodando e os muda aos poucos: para cada versão do template de pod ele tem um ReplicaSet, e o controlador de deployments move réplicas dos ReplicaSets antigos para o novo.</translation>
    </message>
    <message>
        <source>A ReplicaSet keeps exactly spec.replicas pods matching its selector: the replicaset controller creates pods from its template when there are too few and deletes some when there are too many.</source>
        <translation type="vanished">Um ReplicaSet mantém exatamente spec.replicas pods que casam com seu seletor: o controlador de replicasets cria pods a partir do template quando faltam e apaga alguns quando sobram.</translation>
    </message>
    <message>
        <source>A Service gives a stable virtual IP (ClusterIP) and DNS name to the pods its selector matches; the endpoints controller keeps the list of those pods' IPs, and kube-proxy sends traffic to them.</source>
        <translation type="vanished">Um Service dá um IP virtual estável (ClusterIP) e um nome DNS aos pods que seu seletor escolhe; o controlador de endpoints mantém a lista dos IPs desses pods, e o kube-proxy envia o tráfego a eles.</translation>
    </message>
    <message>
        <source>The addresses of the ready pods behind a Service, kept current by the endpoints controller as pods come, go and become ready.</source>
        <translation type="vanished">Os endereços dos pods prontos por trás de um Service, mantidos em dia pelo controlador de endpoints conforme pods chegam, saem e ficam prontos.</translation>
    </message>
    <message>
        <source>A Node is a machine that runs pods. Its kubelet reports its capacity and renews a Lease; when the lease stops, the node controller marks it Unknown and moves its pods elsewhere.</source>
        <translation type="vanished">Um Node é uma máquina que roda pods. Seu kubelet informa a capacidade e renova um Lease; quando o lease para, o controlador de nós o marca como Unknown e move seus pods para outros nós.</translation>
    </message>
    <message>
        <source>A Namespace groups objects and scopes their names, quotas and permissions. Deleting it deletes everything in it first.</source>
        <translation type="vanished">Um Namespace agrupa objetos e delimita seus nomes, cotas e permissões. Apagá-lo apaga antes tudo o que há nele.</translation>
    </message>
    <message>
        <source>An object stored by the API server; controllers watch objects like it and act on changes.</source>
        <translation type="vanished">Um objeto guardado pelo API server; controladores observam objetos como ele e agem quando mudam.</translation>
    </message>
    <message>
        <source>It was created by the %1 %2, which controls it: delete that and this goes too.</source>
        <translation type="vanished">Foi criado pelo %1 %2, que o controla: apague aquele e este vai junto.</translation>
    </message>
    <message>
        <source>Phase %1: no node yet.</source>
        <translation type="vanished">Fase %1: ainda sem nó.</translation>
    </message>
    <message>
        <source>Phase %1 on node %2, IP %3.</source>
        <translation type="vanished">Fase %1 no nó %2, IP %3.</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation type="vanished">(ainda nenhum)</translation>
    </message>
    <message>
        <source>The scheduler chose %1. Each node it looked at:</source>
        <translation type="vanished">O scheduler escolheu %1. Cada nó que ele avaliou:</translation>
    </message>
    <message>
        <source>The scheduler found no node: %1</source>
        <translation type="vanished">O scheduler não encontrou nó: %1</translation>
    </message>
    <message>
        <source>fits, score %1 (%2)</source>
        <translation type="vanished">cabe, pontuação %1 (%2)</translation>
    </message>
    <message>
        <source>rejected -- %1</source>
        <translation type="vanished">rejeitado -- %1</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ClusterContexts</name>
    <message>
        <location filename="../../ui/models/cluster_contexts.cpp" line="44" />
        <source>%1 refused your credentials (401 Unauthorized): the token or client certificate of this context has expired or is not valid for this cluster. Get new credentials (or a new kubeconfig) and choose the context again.</source>
        <translation>%1 recusou suas credenciais (401 Unauthorized): o token ou o certificado de cliente deste contexto expirou ou não vale para este cluster. Obtenha novas credenciais (ou um novo kubeconfig) e escolha o contexto de novo.</translation>
    </message>
    <message>
        <location filename="../../ui/models/cluster_contexts.cpp" line="49" />
        <source>%1: you are not allowed to do that (403 Forbidden): %2</source>
        <translation>%1: você não tem permissão para fazer isso (403 Forbidden): %2</translation>
    </message>
    <message>
        <location filename="../../ui/models/cluster_contexts.cpp" line="51" />
        <source>Cannot reach %1: %2. Is the cluster running, and is its address in the kubeconfig right? Retrying…</source>
        <translation>Não é possível alcançar %1: %2. O cluster está rodando, e o endereço dele no kubeconfig está certo? Tentando de novo…</translation>
    </message>
    <message>
        <location filename="../../ui/models/cluster_contexts.cpp" line="54" />
        <source>%1 answered with an error (%2 %3): %4</source>
        <translation>%1 respondeu com um erro (%2 %3): %4</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ClusterSwitcher</name>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="32" />
        <source>Cluster:</source>
        <translation>Cluster:</translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="33" />
        <source>The cluster shown in this window: the local cluster or a context of your kubeconfig</source>
        <translation>O cluster mostrado nesta janela: o cluster local ou um contexto do seu kubeconfig</translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="34" />
        <source>Reload</source>
        <translation>Recarregar</translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="35" />
        <source>Read the kubeconfig files again</source>
        <translation>Ler de novo os arquivos kubeconfig</translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="37" />
        <location filename="../../ui/views/cluster_switcher.cpp" line="61" />
        <source>Local cluster (on this computer)</source>
        <translation>Cluster local (neste computador)</translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="38" />
        <location filename="../../ui/views/cluster_switcher.cpp" line="62" />
        <source>Timoneiro starts it, or attaches to it when it runs</source>
        <translation>O Timoneiro o inicia, ou se conecta a ele quando já está rodando</translation>
    </message>
    <message>
        <location filename="../../ui/views/cluster_switcher.cpp" line="67" />
        <source>Cannot read the kubeconfig: %1</source>
        <translation>Não é possível ler o kubeconfig: %1</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::DetailsPanel</name>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="43" />
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="43" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="43" />
        <source>Age</source>
        <translation>Idade</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="43" />
        <source>From</source>
        <translation>Origem</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="43" />
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="50" />
        <source>Overview</source>
        <translation>Visão geral</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="51" />
        <source>Explain</source>
        <translation>Explicação</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="52" />
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="53" />
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <location filename="../../ui/views/details_panel.cpp" line="54" />
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::EventsTimeline</name>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="21" />
        <source>All namespaces</source>
        <translation>Todos os namespaces</translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="23" />
        <source>All types</source>
        <translation>Todos os tipos</translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="24" />
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="25" />
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="33" />
        <source>Click an event to select its object</source>
        <translation>Clique em um evento para selecionar seu objeto</translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="36" />
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <location filename="../../ui/views/events_timeline.cpp" line="38" />
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::EventsTimelineModel</name>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="163" />
        <source>%1 (x%2)</source>
        <translation>%1 (x%2)</translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="174" />
        <source>Last seen</source>
        <translation>Visto por último</translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="175" />
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="176" />
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="177" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="178" />
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <location filename="../../ui/models/events_timeline_model.cpp" line="179" />
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ExposeDialog</name>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="31" />
        <source>Expose %1 %2</source>
        <translation>Expor %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="41" />
        <source>same as the port, or a named port</source>
        <translation>igual à porta, ou uma porta nomeada</translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="46" />
        <source>allocated by the cluster</source>
        <translation>alocada pelo cluster</translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="48" />
        <source>e.g. db.example.com</source>
        <translation>p. ex. db.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="51" />
        <source>Service name:</source>
        <translation>Nome do Service:</translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="52" />
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="53" />
        <source>Port:</source>
        <translation>Porta:</translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="54" />
        <source>Target port:</source>
        <translation>Porta de destino:</translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="55" />
        <source>Protocol:</source>
        <translation>Protocolo:</translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="56" />
        <source>Node port:</source>
        <translation>Porta do nó:</translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="57" />
        <source>External name:</source>
        <translation>Nome externo:</translation>
    </message>
    <message>
        <location filename="../../ui/views/expose_dialog.cpp" line="58" />
        <source>The Service selects the pods with the target's labels (a Deployment's selector), as kubectl expose does.</source>
        <translation>O Service seleciona os pods com os rótulos do alvo (o seletor de um Deployment), como faz o kubectl expose.</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::LegendItem</name>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="140" />
        <location filename="../../ui/views/topology_regions.cpp" line="145" />
        <source>Pods:</source>
        <translation>Pods:</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="142" />
        <source>running, ready</source>
        <translation>rodando, pronto</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="142" />
        <source>running, not ready</source>
        <translation>rodando, não pronto</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="143" />
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="143" />
        <source>failed / crashing</source>
        <translation>com falha / travando</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="144" />
        <source>completed</source>
        <translation>concluído</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="144" />
        <source>terminating</source>
        <translation>terminando</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="146" />
        <location filename="../../ui/views/topology_regions.cpp" line="160" />
        <source>Lines:</source>
        <translation>Linhas:</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="162" />
        <source>Service sends traffic to a ready pod</source>
        <translation>o Service manda tráfego para um pod pronto</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="163" />
        <source>endpoint not ready: no traffic</source>
        <translation>endpoint não pronto: sem tráfego</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="164" />
        <source>owns (Deployment → ReplicaSet → Pod)</source>
        <translation>é dono de (Deployment → ReplicaSet → Pod)</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::LogsView</name>
    <message>
        <location filename="../../ui/views/logs_view.cpp" line="21" />
        <source>Follow</source>
        <translation>Acompanhar</translation>
    </message>
    <message>
        <location filename="../../ui/views/logs_view.cpp" line="23" />
        <source>Reload</source>
        <translation>Recarregar</translation>
    </message>
    <message>
        <location filename="../../ui/views/logs_view.cpp" line="36" />
        <source>Container:</source>
        <translation>Contêiner:</translation>
    </message>
    <message>
        <location filename="../../ui/views/logs_view.cpp" line="119" />
        <source>— the log ended (the container stopped or the server closed the stream) —</source>
        <translation>— o log terminou (o contêiner parou ou o servidor fechou a conexão) —</translation>
    </message>
    <message>
        <location filename="../../ui/views/logs_view.cpp" line="122" />
        <source>The server refused the log of %1/%2 (%3 %4): %5</source>
        <translation>O servidor recusou o log de %1/%2 (%3 %4): %5</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::MainWindow</name>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="61" />
        <location filename="../../ui/views/main_window.cpp" line="137" />
        <source>Timoneiro</source>
        <translation>Timoneiro</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="137" />
        <source>Timoneiro — %1</source>
        <translation>Timoneiro — %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="138" />
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="139" />
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="140" />
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="141" />
        <source>Events timeline</source>
        <translation>Linha do tempo de eventos</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="142" />
        <source>&amp;Presentation mode (large fonts)</source>
        <translation>Modo de a&amp;presentação (fontes grandes)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="143" />
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="145" />
        <source>Choose a cluster in the toolbar</source>
        <translation>Escolha um cluster na barra de ferramentas</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="173" />
        <source>The translation for %1 could not be loaded.</source>
        <translation>Não foi possível carregar a tradução para %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="194" />
        <source>Opening the local cluster…</source>
        <translation>Abrindo o cluster local…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="200" />
        <source>Cannot open the context %1: %2</source>
        <translation>Não é possível abrir o contexto %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="310" />
        <source>All namespaces</source>
        <translation>Todos os namespaces</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="312" />
        <source>Filter by text</source>
        <translation>Filtrar por texto</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="315" />
        <source>Label selector, e.g. app=web,tier!=db</source>
        <translation>Seletor de labels, por ex. app=web,tier!=db</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="329" />
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window.cpp" line="352" />
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <source>Cluster: %1</source>
        <translation type="vanished">Cluster: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="53" />
        <source>Workloads</source>
        <translation>Cargas de trabalho</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="53" />
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="53" />
        <source>Deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="54" />
        <source>ReplicaSets</source>
        <translation>ReplicaSets</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="55" />
        <source>Network</source>
        <translation>Rede</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="55" />
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="55" />
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="56" />
        <source>EndpointSlices</source>
        <translation>EndpointSlices</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="57" />
        <source>NetworkPolicies</source>
        <translation>NetworkPolicies</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="58" />
        <source>Config</source>
        <translation>Configuração</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="58" />
        <source>ConfigMaps</source>
        <translation>ConfigMaps</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="58" />
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="59" />
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="59" />
        <source>Nodes</source>
        <translation>Nós</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="59" />
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="60" />
        <source>ResourceQuotas</source>
        <translation>ResourceQuotas</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="60" />
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="136" />
        <source>This app does not show %1 objects yet.</source>
        <translation>Este aplicativo ainda não mostra objetos %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="182" />
        <source>Edit YAML</source>
        <translation>Editar YAML</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="183" />
        <source>Delete %1</source>
        <translation>Apagar %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="184" />
        <source>Scale…</source>
        <translation>Escalar…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="185" />
        <location filename="../../ui/views/main_window_actions.cpp" line="210" />
        <location filename="../../ui/views/main_window_actions.cpp" line="309" />
        <source>Restart rollout</source>
        <translation>Reiniciar rollout</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="186" />
        <source>Expose as a Service…</source>
        <translation>Expor como Service…</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="191" />
        <source>Uncordon (allow new pods)</source>
        <translation>Descordonar (permitir novos pods)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="191" />
        <source>Cordon (no new pods)</source>
        <translation>Cordonar (sem novos pods)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="192" />
        <source>Drain (cordon, then evict its pods)</source>
        <translation>Drenar (cordonar e depois despejar seus pods)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="200" />
        <location filename="../../ui/views/main_window_actions.cpp" line="280" />
        <source>Delete</source>
        <translation>Apagar</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="200" />
        <source>Delete %1 %2?</source>
        <translation>Apagar %1 %2?</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="205" />
        <location filename="../../ui/views/main_window_actions.cpp" line="295" />
        <source>Scale</source>
        <translation>Escalar</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="205" />
        <source>Replicas of %1:</source>
        <translation>Réplicas de %1:</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="211" />
        <source>Restart the pods of %1 %2? They are replaced gradually, as kubectl rollout restart does.</source>
        <translation>Reiniciar os pods de %1 %2? Eles são substituídos aos poucos, como faz o kubectl rollout restart.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="216" />
        <location filename="../../ui/views/main_window_actions.cpp" line="322" />
        <source>Cordon</source>
        <translation>Cordonar</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="217" />
        <source>Allow new pods on node %1 again?</source>
        <translation>Permitir novos pods no nó %1 de novo?</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="218" />
        <source>Stop placing new pods on node %1? Its pods keep running.</source>
        <translation>Parar de colocar novos pods no nó %1? Os pods dele continuam rodando.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="222" />
        <location filename="../../ui/views/main_window_actions.cpp" line="338" />
        <source>Drain</source>
        <translation>Drenar</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="223" />
        <source>Drain node %1? It is cordoned, then each of its pods (except DaemonSet and mirror pods) is evicted and recreated elsewhere by its controller.</source>
        <translation>Drenar o nó %1? Ele é cordonado e depois cada um de seus pods (exceto pods de DaemonSet e pods espelho) é despejado e recriado em outro lugar pelo seu controlador.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="251" />
        <source>you are not allowed to do this (403 Forbidden)</source>
        <translation>você não tem permissão para fazer isso (403 Forbidden)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="253" />
        <source>the object changed meanwhile or already exists (409 Conflict)</source>
        <translation>o objeto mudou nesse meio-tempo ou já existe (409 Conflict)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="255" />
        <source>the server found the request invalid (422 Invalid)</source>
        <translation>o servidor considerou o pedido inválido (422 Invalid)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="257" />
        <source>the server refused it for now (429, e.g. a PodDisruptionBudget)</source>
        <translation>o servidor recusou por enquanto (429, p. ex. um PodDisruptionBudget)</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="259" />
        <source>error %1 %2</source>
        <translation>erro %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="260" />
        <source>%1 refused: %2. %3</source>
        <translation>%1 recusado: %2. %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="280" />
        <source>Deleted %1.</source>
        <translation>%1 apagado.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="295" />
        <source>Scaled %1 to %2 replicas.</source>
        <translation>%1 escalado para %2 réplicas.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="309" />
        <source>Restarting the rollout of %1.</source>
        <translation>Reiniciando o rollout de %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="322" />
        <source>Uncordon</source>
        <translation>Descordonar</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="323" />
        <source>Node %1 cordoned: no new pods go there.</source>
        <translation>Nó %1 cordonado: nenhum pod novo vai para lá.</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="324" />
        <source>Node %1 uncordoned.</source>
        <translation>Nó %1 descordonado.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/main_window_actions.cpp" line="341" />
        <source>Node %1 drained: %n pod(s) evicted</source>
        <translation>
            <numerusform>Nó %1 drenado: %n pod despejado</numerusform>
            <numerusform>Nó %1 drenado: %n pods despejados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/main_window_actions.cpp" line="343" />
        <source>%n pod(s) DELETED instead of evicted (this server does not serve eviction)</source>
        <translation>
            <numerusform>%n pod APAGADO em vez de despejado (este servidor não oferece eviction)</numerusform>
            <numerusform>%n pods APAGADOS em vez de despejados (este servidor não oferece eviction)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="345" />
        <source>left in place: %1</source>
        <translation>deixados no lugar: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="347" />
        <source>refused: %1</source>
        <translation>recusados: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="364" />
        <source>Expose</source>
        <translation>Expor</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_actions.cpp" line="364" />
        <source>Service %1 (%2) created.</source>
        <translation>Service %1 (%2) criado.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/main_window_actions.cpp" line="382" />
        <source>%n object(s)</source>
        <translation>
            <numerusform>%n objeto</numerusform>
            <numerusform>%n objetos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_tabs.cpp" line="19" />
        <source>Topology</source>
        <translation>Topologia</translation>
    </message>
    <message>
        <location filename="../../ui/views/main_window_tabs.cpp" line="31" />
        <source>YAML editor</source>
        <translation>Editor de YAML</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::Manifest</name>
    <message>
        <location filename="../../ui/models/manifest.cpp" line="175" />
        <source>The manifest is empty.</source>
        <translation>O manifesto está vazio.</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest.cpp" line="179" />
        <source>This document is not an object (a mapping of fields).</source>
        <translation>Este documento não é um objeto (um mapeamento de campos).</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest.cpp" line="183" />
        <source>apiVersion: Required value</source>
        <translation>apiVersion: valor obrigatório</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest.cpp" line="185" />
        <source>kind: Required value</source>
        <translation>kind: valor obrigatório</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest.cpp" line="188" />
        <source>metadata.name: Required value: the editor applies objects by name</source>
        <translation>metadata.name: valor obrigatório: o editor aplica objetos pelo nome</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ManifestApplier</name>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="41" />
        <source>Cannot reach the cluster: %1</source>
        <translation>Não foi possível alcançar o cluster: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="43" />
        <source>The cluster did not accept your credentials (401 Unauthorized). They may have expired: renew them or open the kubeconfig again.</source>
        <translation>O cluster não aceitou suas credenciais (401 Unauthorized). Elas podem ter expirado: renove-as ou abra o kubeconfig de novo.</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="46" />
        <source>Forbidden (403): %1</source>
        <translation>Proibido (403): %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="48" />
        <source>Conflict (409): the object was changed on the server after you opened it. Your text is kept; reload the live object or apply your changes over it.</source>
        <translation>Conflito (409): o objeto foi mudado no servidor depois que você o abriu. Seu texto foi mantido; recarregue o objeto do cluster ou aplique suas mudanças sobre ele.</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="51" />
        <source>Invalid (422): %1</source>
        <translation>Inválido (422): %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="53" />
        <source>Not found (404): %1</source>
        <translation>Não encontrado (404): %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="54" />
        <source>The server refused it (%1 %2): %3</source>
        <translation>O servidor recusou (%1 %2): %3</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="63" />
        <source>no matches for kind "%1" in version "%2"</source>
        <translation>nenhum recurso para o kind "%1" na versão "%2"</translation>
    </message>
    <message>
        <location filename="../../ui/models/manifest_apply.cpp" line="216" />
        <source>namespace "%1" is created by document %2 of this manifest; this document is checked once it exists</source>
        <translation>o namespace "%1" é criado pelo documento %2 deste manifesto; este documento é verificado quando ele existir</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::NodeDrain</name>
    <message>
        <location filename="../../ui/models/node_drain.cpp" line="19" />
        <source>mirror pod, managed by the kubelet</source>
        <translation>pod espelho, gerenciado pelo kubelet</translation>
    </message>
    <message>
        <location filename="../../ui/models/node_drain.cpp" line="21" />
        <source>DaemonSet pod, its controller ignores cordons</source>
        <translation>pod de DaemonSet, seu controlador ignora cordões</translation>
    </message>
    <message>
        <location filename="../../ui/models/node_drain.cpp" line="24" />
        <source>not managed by a controller: evicting it would remove it for good (kubectl drain needs --force)</source>
        <translation>não gerenciado por um controlador: despejá-lo o removeria de vez (o kubectl drain exige --force)</translation>
    </message>
    <message>
        <location filename="../../ui/models/node_drain.cpp" line="30" />
        <source>Cordoning %1…</source>
        <translation>Cordonando %1…</translation>
    </message>
    <message>
        <location filename="../../ui/models/node_drain.cpp" line="81" />
        <source>Evicting %1…</source>
        <translation>Despejando %1…</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::NodeRegion</name>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="28" />
        <source>Pods waiting for the scheduler to choose a node. If one stays here, select it: its events say why no node fits (not enough CPU or memory, taints, selectors).</source>
        <translation>Pods esperando o scheduler escolher um nó. Se um ficar aqui, selecione-o: os eventos dele dizem por que nenhum nó serve (CPU ou memória insuficiente, taints, seletores).</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="33" />
        <source>&lt;b&gt;Node %1&lt;/b&gt;: a machine of the cluster. The boxes inside are the pods running on it.&lt;br&gt;Internal IP %2&lt;br&gt;Pod network %3: each pod here gets an IP from it</source>
        <translation>&lt;b&gt;Nó %1&lt;/b&gt;: uma máquina do cluster. As caixas dentro dele são os pods que rodam nele.&lt;br&gt;IP interno %2&lt;br&gt;Rede de pods %3: cada pod aqui recebe um IP dela</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="35" />
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="36" />
        <source>not assigned yet</source>
        <translation>ainda não atribuída</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="38" />
        <source>Bridge %1: the virtual switch the pods on this node are plugged into</source>
        <translation>Bridge %1: o switch virtual em que os pods deste nó estão ligados</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="41" />
        <source>Gateway %1: the pods here send traffic for %2 to it, and this machine routes it to the other nodes' bridges and Services without NAT, so every pod sees the real address of the other side</source>
        <translation>Gateway %1: os pods daqui mandam para ele o tráfego para %2, e esta máquina o roteia para as bridges dos outros nós e para os Services sem NAT, então cada pod vê o endereço real do outro lado</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="45" />
        <source>Simulated node: pods are marked Running but no container runs.</source>
        <translation>Nó simulado: os pods são marcados como Running, mas nenhum contêiner roda.</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="78" />
        <source>Not scheduled yet</source>
        <translation>Ainda não agendados</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="79" />
        <source>Pending: waiting for a node</source>
        <translation>Pending: esperando um nó</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="85" />
        <source>SIMULATED</source>
        <translation>SIMULADO</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="87" />
        <source>NOT READY</source>
        <translation>NÃO PRONTO</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="87" />
        <source>READY: %1</source>
        <translation>READY: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="89" />
        <source>CORDONED</source>
        <translation>ISOLADO (CORDON)</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="102" />
        <source>Node %1</source>
        <translation>Nó %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="104" />
        <source>IP %1</source>
        <translation>IP %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="104" />
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="105" />
        <source>pod network %1</source>
        <translation>rede de pods %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="105" />
        <source>not assigned</source>
        <translation>não atribuída</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="107" />
        <source>bridge %1</source>
        <translation>bridge %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="110" />
        <source>simulated: pods are marked Running, no container runs</source>
        <translation>simulado: pods marcados como Running, nenhum contêiner roda</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_regions.cpp" line="112" />
        <source>gateway %1 · routes %2 · no NAT</source>
        <translation>gateway %1 · rotas %2 · sem NAT</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ObjectActions</name>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="62" />
        <source>the pod %1 has no labels, so no Service can select it</source>
        <translation>o pod %1 não tem rótulos, então nenhum Service consegue selecioná-lo</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="68" />
        <location filename="../../ui/models/object_actions.cpp" line="76" />
        <source>%1 %2 has no selector</source>
        <translation>%1 %2 não tem seletor</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="73" />
        <source>couldn't convert expressions of the selector of %1 %2 to a Service selector</source>
        <translation>não foi possível converter as expressões do seletor de %1 %2 em um seletor de Service</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="87" />
        <source>unknown Service type "%1"</source>
        <translation>tipo de Service desconhecido "%1"</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="90" />
        <source>an ExternalName Service needs an external name (a DNS name)</source>
        <translation>um Service ExternalName precisa de um nome externo (um nome DNS)</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="92" />
        <source>port %1 is not between 1 and 65535</source>
        <translation>a porta %1 não está entre 1 e 65535</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_actions.cpp" line="131" />
        <source>%1 cannot be restarted</source>
        <translation>%1 não pode ser reiniciado</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ObjectDescription</name>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68" />
        <source>Conditions</source>
        <translation>Condições</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68" />
        <location filename="../../ui/models/object_description.cpp" line="158" />
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68" />
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68" />
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="68" />
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="75" />
        <source>Running since %1</source>
        <translation>Rodando há %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="77" />
        <source>Waiting: %1</source>
        <translation>Aguardando: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="80" />
        <source>Terminated: %1 (exit code %2)</source>
        <translation>Terminado: %1 (código de saída %2)</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="82" />
        <location filename="../../ui/models/object_description.cpp" line="117" />
        <source>not started</source>
        <translation>não iniciado</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="97" />
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="97" />
        <source>Node</source>
        <translation>Nó</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="98" />
        <source>(not scheduled)</source>
        <translation>(não escalonado)</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="99" />
        <source>Pod IPs</source>
        <translation>IPs do pod</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="99" />
        <source>(none yet)</source>
        <translation>(ainda nenhum)</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="100" />
        <source>Host IP</source>
        <translation>IP do host</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="115" />
        <source>init</source>
        <translation>init</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="118" />
        <location filename="../../ui/models/object_description.cpp" line="137" />
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="118" />
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122" />
        <source>Containers</source>
        <translation>Contêineres</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122" />
        <location filename="../../ui/models/object_description.cpp" line="162" />
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122" />
        <source>Image</source>
        <translation>Imagem</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122" />
        <location filename="../../ui/models/object_description.cpp" line="162" />
        <source>Ports</source>
        <translation>Portas</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122" />
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122" />
        <source>Ready</source>
        <translation>Pronto</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="122" />
        <source>Restarts</source>
        <translation>Reinícios</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="136" />
        <source>Schedulable</source>
        <translation>Escalonável</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="137" />
        <source>no (cordoned)</source>
        <translation>não (cordonado)</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="138" />
        <source>Addresses</source>
        <translation>Endereços</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="138" />
        <source>Pod CIDR</source>
        <translation>CIDR de pods</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="139" />
        <source>Taints</source>
        <translation>Taints</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="139" />
        <location filename="../../ui/models/object_description.cpp" line="159" />
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="158" />
        <source>Cluster IP</source>
        <translation>IP do cluster</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="159" />
        <source>Selector</source>
        <translation>Seletor</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="161" />
        <source>External name</source>
        <translation>Nome externo</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="162" />
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="162" />
        <source>Target port</source>
        <translation>Porta de destino</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="162" />
        <source>Node port</source>
        <translation>Porta do nó</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="162" />
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="169" />
        <source>Replicas: %1 wanted, %2 current, %3 ready, %4 up to date</source>
        <translation>Réplicas: %1 desejadas, %2 atuais, %3 prontas, %4 atualizadas</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="184" />
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="184" />
        <source>Age</source>
        <translation>Idade</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_description.cpp" line="194" />
        <source>Owners</source>
        <translation>Donos</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ObjectExplainer</name>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="25" />
        <source>A Pod is the smallest thing Kubernetes runs: one or more containers that share an IP address and volumes, placed on one node by the scheduler and run there by that node's kubelet.</source>
        <translation>Um Pod é a menor coisa que o Kubernetes executa: um ou mais contêineres que compartilham um endereço IP e volumes, colocados em um nó pelo scheduler e executados ali pelo kubelet desse nó.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="28" />
        <source>A Deployment keeps a number of identical pods running and changes them gradually: for each version of the pod template it owns a ReplicaSet, and the deployment controller moves replicas from the old ReplicaSets to the new one.</source>
        <translation>Um Deployment mantém um número de pods idênticos rodando e os muda aos poucos: para cada versão do template de pod ele tem um ReplicaSet, e o controlador de deployments move réplicas dos ReplicaSets antigos para o novo.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="32" />
        <source>A ReplicaSet keeps exactly spec.replicas pods matching its selector: the replicaset controller creates pods from its template when there are too few and deletes some when there are too many.</source>
        <translation>Um ReplicaSet mantém exatamente spec.replicas pods que casam com seu seletor: o controlador de replicasets cria pods a partir do template quando faltam e apaga alguns quando sobram.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="35" />
        <source>A Service gives a stable virtual IP (ClusterIP) and DNS name to the pods its selector matches; the endpoints controller keeps the list of those pods' IPs, and kube-proxy sends traffic to them.</source>
        <translation>Um Service dá um IP virtual estável (ClusterIP) e um nome DNS aos pods que seu seletor escolhe; o controlador de endpoints mantém a lista dos IPs desses pods, e o kube-proxy envia o tráfego a eles.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="38" />
        <source>The addresses of the ready pods behind a Service, kept current by the endpoints controller as pods come, go and become ready.</source>
        <translation>Os endereços dos pods prontos por trás de um Service, mantidos em dia pelo controlador de endpoints conforme pods chegam, saem e ficam prontos.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="41" />
        <source>A Node is a machine that runs pods. Its kubelet reports its capacity and renews a Lease; when the lease stops, the node controller marks it Unknown and moves its pods elsewhere.</source>
        <translation>Um Node é uma máquina que roda pods. Seu kubelet informa a capacidade e renova um Lease; quando o lease para, o controlador de nós o marca como Unknown e move seus pods para outros nós.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="44" />
        <source>A Namespace groups objects and scopes their names, quotas and permissions. Deleting it deletes everything in it first.</source>
        <translation>Um Namespace agrupa objetos e delimita seus nomes, cotas e permissões. Apagá-lo apaga antes tudo o que há nele.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="46" />
        <source>An object stored by the API server; controllers watch objects like it and act on changes.</source>
        <translation>Um objeto guardado pelo API server; controladores observam objetos como ele e agem quando mudam.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="53" />
        <source>the replicaset controller</source>
        <translation>o controlador de replicasets</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="55" />
        <source>the deployment controller</source>
        <translation>o controlador de deployments</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="57" />
        <source>the daemonset controller</source>
        <translation>o controlador de daemonsets</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="59" />
        <source>the statefulset controller</source>
        <translation>o controlador de statefulsets</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="61" />
        <source>the job controller</source>
        <translation>o controlador de jobs</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="63" />
        <source>the kubelet of that node (a mirror pod)</source>
        <translation>o kubelet daquele nó (um pod espelho)</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="64" />
        <source>the controller of %1</source>
        <translation>o controlador de %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="71" />
        <source>the scheduler chose a node for the pod and bound it there</source>
        <translation>o scheduler escolheu um nó para o pod e o vinculou ali</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="72" />
        <source>no node passed the scheduler's filters; it retries when the cluster changes</source>
        <translation>nenhum nó passou pelos filtros do scheduler; ele tenta de novo quando o cluster muda</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="73" />
        <source>a controller saw fewer pods than wanted and created one</source>
        <translation>um controlador viu menos pods do que o desejado e criou um</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="74" />
        <source>a controller saw more pods than wanted and deleted one</source>
        <translation>um controlador viu mais pods do que o desejado e apagou um</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="75" />
        <source>the deployment controller moved replicas between its ReplicaSets (a rollout or a scale)</source>
        <translation>o controlador de deployments moveu réplicas entre seus ReplicaSets (um rollout ou uma mudança de escala)</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="76" />
        <source>the kubelet is stopping a container</source>
        <translation>o kubelet está parando um contêiner</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="77" />
        <source>the kubelet is fetching the container image</source>
        <translation>o kubelet está baixando a imagem do contêiner</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="78" />
        <source>the container image is on the node</source>
        <translation>a imagem do contêiner está no nó</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="79" />
        <source>the kubelet created the container</source>
        <translation>o kubelet criou o contêiner</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="80" />
        <source>the container is running</source>
        <translation>o contêiner está rodando</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="81" />
        <source>the container keeps failing; the kubelet waits longer before each restart</source>
        <translation>o contêiner continua falhando; o kubelet espera cada vez mais antes de reiniciá-lo</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="82" />
        <source>a probe failed, so the pod is not ready or the container is restarted</source>
        <translation>uma sonda falhou, então o pod não está pronto ou o contêiner é reiniciado</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="83" />
        <source>the node stopped reporting; the node controller will move its pods</source>
        <translation>o nó parou de se reportar; o controlador de nós vai mover seus pods</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="84" />
        <source>the node was cordoned: no new pods go there</source>
        <translation>o nó foi cordonado: nenhum pod novo vai para lá</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="85" />
        <source>the node was uncordoned: new pods may go there again</source>
        <translation>o nó foi descordonado: novos pods podem ir para lá de novo</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="86" />
        <source>a node joined the cluster</source>
        <translation>um nó entrou no cluster</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="102" />
        <source>%1 created the %2 %3 for the %4 %5.</source>
        <translation>%1 criou o %2 %3 para o %4 %5.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="115" />
        <source>What just happened (newest first):</source>
        <translation>O que acabou de acontecer (mais recente primeiro):</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="120" />
        <source>%1 (by %2): %3</source>
        <translation>%1 (por %2): %3</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="120" />
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="139" />
        <source>It was created by the %1 %2, which controls it: delete that and this goes too.</source>
        <translation>Foi criado pelo %1 %2, que o controla: apague aquele e este vai junto.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="148" />
        <source>This node is cordoned (spec.unschedulable): the scheduler places no new pods here; the pods already here keep running until drained.</source>
        <translation>Este nó está cordonado (spec.unschedulable): o scheduler não coloca pods novos aqui; os pods que já estão aqui continuam rodando até ele ser drenado.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="155" />
        <source>Phase %1: no node yet.</source>
        <translation>Fase %1: ainda sem nó.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="156" />
        <source>Phase %1 on node %2, IP %3.</source>
        <translation>Fase %1 no nó %2, IP %3.</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="157" />
        <source>(none yet)</source>
        <translation>(ainda nenhum)</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="165" />
        <source>The scheduler chose %1. Each node it looked at:</source>
        <translation>O scheduler escolheu %1. Cada nó que ele avaliou:</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="166" />
        <source>The scheduler found no node: %1</source>
        <translation>O scheduler não encontrou nó: %1</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="175" />
        <source>fits, score %1 (%2)</source>
        <translation>cabe, pontuação %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/models/object_explainer.cpp" line="181" />
        <source>rejected -- %1</source>
        <translation>rejeitado -- %1</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::OwnerChain</name>
    <message>
        <location filename="../../ui/models/owner_chain.cpp" line="70" />
        <source>a kind this app does not know</source>
        <translation>um tipo que este aplicativo não conhece</translation>
    </message>
    <message>
        <location filename="../../ui/models/owner_chain.cpp" line="83" />
        <source>gone: an object of that name has another uid</source>
        <translation>sumiu: um objeto com esse nome tem outro uid</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::OwnerItem</name>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="200" />
        <source>&lt;b&gt;Deployment %1&lt;/b&gt; in namespace %2&lt;br&gt;Wants %3 pod(s), %4 ready. It manages ReplicaSets: one per version of the pod template, scaling the new one up and the old ones down.</source>
        <translation>&lt;b&gt;Deployment %1&lt;/b&gt; no namespace %2&lt;br&gt;Quer %3 pod(s), %4 pronto(s). Ele gerencia ReplicaSets: um por versão do template do pod, aumentando o novo e reduzindo os antigos.</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="203" />
        <source>&lt;b&gt;ReplicaSet %1&lt;/b&gt; in namespace %2&lt;br&gt;Keeps %3 pod(s) running (%4 ready): it creates pods when there are fewer and deletes some when there are more.%5</source>
        <translation>&lt;b&gt;ReplicaSet %1&lt;/b&gt; no namespace %2&lt;br&gt;Mantém %3 pod(s) rodando (%4 pronto(s)): cria pods quando há menos e apaga alguns quando há mais.%5</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="206" />
        <source>Owned by %1 %2.</source>
        <translation>Pertence a %1 %2.</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="220" />
        <source>Deployment %1</source>
        <translation>Deployment %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="220" />
        <source>ReplicaSet %1</source>
        <translation>ReplicaSet %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="222" />
        <source>0 pods (an older version)</source>
        <translation>0 pods (uma versão anterior)</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="223" />
        <source>%1 of %2 pod(s) ready</source>
        <translation>%1 de %2 pod(s) pronto(s)</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::PodItem</name>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="90" />
        <source>Not scheduled yet: no node has been chosen for it.</source>
        <translation>Ainda não agendado: nenhum nó foi escolhido para ele.</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="91" />
        <source>Runs on node %1.</source>
        <translation>Roda no nó %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="94" />
        <source>%1 (init): %2</source>
        <translation>%1 (init): %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="94" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="95" />
        <source>&lt;b&gt;Pod %1&lt;/b&gt; in namespace %2&lt;br&gt;%3&lt;br&gt;Status: %4 (phase %5, %6)&lt;br&gt;Pod IP: %7&lt;br&gt;Containers: %8</source>
        <translation>&lt;b&gt;Pod %1&lt;/b&gt; no namespace %2&lt;br&gt;%3&lt;br&gt;Status: %4 (fase %5, %6)&lt;br&gt;IP do pod: %7&lt;br&gt;Contêineres: %8</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="96" />
        <source>none</source>
        <translation>nenhuma</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="97" />
        <source>ready: Services send it traffic</source>
        <translation>pronto: os Services mandam tráfego para ele</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="97" />
        <source>not ready: Services send it no traffic</source>
        <translation>não pronto: os Services não mandam tráfego para ele</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="98" />
        <source>none yet</source>
        <translation>nenhum ainda</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="110" />
        <source>no IP yet</source>
        <translation>ainda sem IP</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="110" />
        <source>IP %1</source>
        <translation>IP %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="117" />
        <source>%1 · %2/%3 ready</source>
        <translation>%1 · %2/%3 prontos</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="126" />
        <source>init: %1</source>
        <translation>init: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/topology_items.cpp" line="130" />
        <source>+%n more</source>
        <translation>
            <numerusform>+%n outro(s)</numerusform>
            <numerusform>+%n outro(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ResourceTableModel</name>
    <message>
        <location filename="../../ui/models/resource_table_model.cpp" line="24" />
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::ServiceItem</name>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="154" />
        <source>A stable address: connections to %1 go to one of the ready pods it is linked to.</source>
        <translation>Um endereço estável: conexões para %1 vão para um dos pods prontos ligados a ele.</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="159" />
        <source>Also reachable on every node's IP at port(s) %1 (NodePort).</source>
        <translation>Também acessível no IP de cada nó, na(s) porta(s) %1 (NodePort).</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="161" />
        <source>&lt;b&gt;Service %1&lt;/b&gt; in namespace %2&lt;br&gt;Type %3, ports %4&lt;br&gt;%5</source>
        <translation>&lt;b&gt;Service %1&lt;/b&gt; no namespace %2&lt;br&gt;Tipo %3, portas %4&lt;br&gt;%5</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="178" />
        <source>Service %1</source>
        <translation>Service %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="179" />
        <source>name %1</source>
        <translation>nome %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="180" />
        <source>ClusterIP %1</source>
        <translation>ClusterIP %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="180" />
        <location filename="../../ui/views/topology_items.cpp" line="181" />
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="181" />
        <source>ports %1</source>
        <translation>portas %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_items.cpp" line="186" />
        <source>NodePort %1 on every node</source>
        <translation>NodePort %1 em todos os nós</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::TopologyScene</name>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="30" />
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="30" />
        <source>stable addresses in front of pods; a line goes to each pod behind one</source>
        <translation>endereços estáveis na frente dos pods; uma linha vai até cada pod por trás de um deles</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="31" />
        <source>Nodes</source>
        <translation>Nós</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="31" />
        <source>the machines of the cluster; each card inside a node is a pod running there</source>
        <translation>as máquinas do cluster; cada cartão dentro de um nó é um pod rodando nele</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="32" />
        <source>Workloads</source>
        <translation>Cargas de trabalho</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_scene.cpp" line="32" />
        <source>a Deployment manages ReplicaSets, and a ReplicaSet creates the pods</source>
        <translation>um Deployment gerencia ReplicaSets, e um ReplicaSet cria os pods</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::TopologyView</name>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="127" />
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="131" />
        <source>All namespaces</source>
        <translation>Todos os namespaces</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="146" />
        <source>Zoom in</source>
        <translation>Aproximar</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="146" />
        <source>Zoom in (+ or the mouse wheel)</source>
        <translation>Aproximar (+ ou a roda do mouse)</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="147" />
        <source>Zoom out</source>
        <translation>Afastar</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="147" />
        <source>Zoom out (- or the mouse wheel)</source>
        <translation>Afastar (- ou a roda do mouse)</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="148" />
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="148" />
        <source>Show the whole cluster</source>
        <translation>Mostrar o cluster inteiro</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="149" />
        <source>Export PNG…</source>
        <translation>Exportar PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="149" />
        <source>Save the picture as a PNG image</source>
        <translation>Salvar o desenho como imagem PNG</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="150" />
        <source>Export SVG…</source>
        <translation>Exportar SVG…</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="150" />
        <source>Save the picture as an SVG drawing</source>
        <translation>Salvar o desenho como SVG</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="181" />
        <source>Could not watch the cluster: %1</source>
        <translation>Não foi possível acompanhar o cluster: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/topology_view.cpp" line="232" />
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n nó(s)</numerusform>
            <numerusform>%n nó(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/topology_view.cpp" line="233" />
        <source>%n pod(s)</source>
        <translation>
            <numerusform>%n pod(s)</numerusform>
            <numerusform>%n pod(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/topology_view.cpp" line="233" />
        <source>%n Service(s)</source>
        <translation>
            <numerusform>%n Service(s)</numerusform>
            <numerusform>%n Service(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="296" />
        <source>Cluster topology</source>
        <translation>Topologia do cluster</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="297" />
        <source>Nodes, pods, Services and workloads, drawn by Timoneiro</source>
        <translation>Nós, pods, Services e cargas de trabalho, desenhados pelo Timoneiro</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="309" />
        <source>Export as SVG</source>
        <translation>Exportar como SVG</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="309" />
        <source>Export as PNG</source>
        <translation>Exportar como PNG</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="311" />
        <source>SVG drawings (*.svg)</source>
        <translation>Desenhos SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="311" />
        <source>PNG images (*.png)</source>
        <translation>Imagens PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="315" />
        <source>Export failed</source>
        <translation>Falha ao exportar</translation>
    </message>
    <message>
        <location filename="../../ui/views/topology_view.cpp" line="315" />
        <source>Could not write %1.</source>
        <translation>Não foi possível gravar %1.</translation>
    </message>
</context>
<context>
    <name>timoneiro::ui::YamlEditor</name>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="42" />
        <source>New from template…</source>
        <translation>Novo a partir de modelo…</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="49" />
        <source>&amp;Validate</source>
        <translation>&amp;Validar</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="50" />
        <source>Ask the API server to check the manifest without changing anything (dry run)</source>
        <translation>Pedir ao servidor da API que verifique o manifesto sem mudar nada (dry run)</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="51" />
        <source>&amp;Diff</source>
        <translation>&amp;Diferenças</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="52" />
        <source>Compare what the cluster has with what applying would make of it</source>
        <translation>Comparar o que o cluster tem com o que a aplicação faria dele</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="53" />
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="54" />
        <source>Create the objects, or update them when they exist</source>
        <translation>Criar os objetos, ou atualizá-los quando já existem</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="55" />
        <source>&amp;Reload</source>
        <translation>&amp;Recarregar</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="56" />
        <source>Load the live object again (Undo brings your text back)</source>
        <translation>Carregar de novo o objeto do cluster (Desfazer traz seu texto de volta)</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="77" />
        <source>Reload live object</source>
        <translation>Recarregar objeto do cluster</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="78" />
        <source>Apply my changes over it</source>
        <translation>Aplicar minhas mudanças sobre ele</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="79" />
        <source>Force apply</source>
        <translation>Forçar aplicação</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="80" />
        <location filename="../../ui/views/yaml_editor.cpp" line="105" />
        <source>Diff</source>
        <translation>Diferenças</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="81" />
        <source>Dismiss</source>
        <translation>Dispensar</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="104" />
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="140" />
        <source>The text changed after this comparison: press Diff to compare again.</source>
        <translation>O texto mudou depois desta comparação: pressione Diferenças para comparar de novo.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="161" />
        <source>There is no template for %1.</source>
        <translation>Não há modelo para %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="173" />
        <source>New %1 from a template: edit it, then Validate or Apply.</source>
        <translation>Novo %1 a partir de um modelo: edite-o e depois Valide ou Aplique.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="195" />
        <source>Still waiting for the API server's answer to the last request.</source>
        <translation>Ainda aguardando a resposta do servidor da API ao último pedido.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="204" />
        <source>The YAML is not valid (line %1): %2</source>
        <translation>O YAML não é válido (linha %1): %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/yaml_editor.cpp" line="205" />
        <source>The manifest is incomplete: %n problem(s), nothing was sent.</source>
        <translation>
            <numerusform>O manifesto está incompleto: %n problema(s), nada foi enviado.</numerusform>
            <numerusform>O manifesto está incompleto: %n problema(s), nada foi enviado.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="215" />
        <source>Line %1: %2</source>
        <translation>Linha %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/yaml_editor.cpp" line="229" />
        <source>Validating %n document(s) on the server (dry run)…</source>
        <translation>
            <numerusform>Validando %n documento(s) no servidor (dry run)…</numerusform>
            <numerusform>Validando %n documento(s) no servidor (dry run)…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="246" />
        <source>Valid: the API server accepts the manifest (dry run, nothing changed).</source>
        <translation>Válido: o servidor da API aceita o manifesto (dry run, nada foi mudado).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/yaml_editor.cpp" line="248" />
        <source>The API server found %n problem(s); each is marked on its line.</source>
        <translation>
            <numerusform>O servidor da API encontrou %n problema(s); cada um está marcado na sua linha.</numerusform>
            <numerusform>O servidor da API encontrou %n problema(s); cada um está marcado na sua linha.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/yaml_editor.cpp" line="261" />
        <source>Applying %n document(s)…</source>
        <translation>
            <numerusform>Aplicando %n documento(s)…</numerusform>
            <numerusform>Aplicando %n documento(s)…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="302" />
        <source>%1 created</source>
        <translation>%1 criado</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="302" />
        <source>%1 unchanged</source>
        <translation>%1 sem mudanças</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="302" />
        <source>%1 configured</source>
        <translation>%1 configurado</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="306" />
        <source>%1 not applied: %2</source>
        <translation>%1 não aplicado: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="318" />
        <source>Conflict: the object changed on the server since you opened it, so it was not updated. Your text is kept. Reload the live object (Undo brings your text back), or apply your changes over the current object.</source>
        <translation>Conflito: o objeto mudou no servidor desde que você o abriu, então não foi atualizado. Seu texto foi mantido. Recarregue o objeto do cluster (Desfazer traz seu texto de volta) ou aplique suas mudanças sobre o objeto atual.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor.cpp" line="322" />
        <source>Conflict: other field managers own fields this manifest sets, so the server refused the apply. Your text is kept. Force apply takes those fields over.</source>
        <translation>Conflito: outros gerenciadores de campos são donos de campos que este manifesto define, então o servidor recusou a aplicação. Seu texto foi mantido. Forçar aplicação toma esses campos para você.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="48" />
        <source>Comparing with the cluster…</source>
        <translation>Comparando com o cluster…</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="90" />
        <source># %1: new</source>
        <translation># %1: novo</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="91" />
        <source># %1: changes</source>
        <translation># %1: mudanças</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="92" />
        <source># %1: no changes</source>
        <translation># %1: sem mudanças</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="94" />
        <source> (refused by the server: compared as written)</source>
        <translation> (recusado pelo servidor: comparado como está escrito)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/yaml_editor_diff.cpp" line="120" />
        <source>%n of %1 object(s) would change.</source>
        <translation>
            <numerusform>%n de %1 objeto(s) mudaria(m).</numerusform>
            <numerusform>%n de %1 objeto(s) mudaria(m).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="61" />
        <source>Editing the live %1 "%2": Apply sends your changes; changes made meanwhile on the server are reported, never written over your text.</source>
        <translation>Editando %1 "%2" do cluster: Aplicar envia suas mudanças; mudanças feitas enquanto isso no servidor são avisadas, nunca escritas por cima do seu texto.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="108" />
        <source>Cannot watch this object for changes on the server: %1</source>
        <translation>Não foi possível acompanhar as mudanças deste objeto no servidor: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="134" />
        <source>This object was deleted on the server. Your text is kept: Apply creates it again.</source>
        <translation>Este objeto foi excluído no servidor. Seu texto foi mantido: Aplicar o cria de novo.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="142" />
        <source>This object changed on the server since you opened it (resourceVersion %1). Your text is kept: Reload to take the new version, Diff to compare.</source>
        <translation>Este objeto mudou no servidor desde que você o abriu (resourceVersion %1). Seu texto foi mantido: Recarregar para pegar a nova versão, Diferenças para comparar.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="144" />
        <source>This object changed on the server since you opened it (resourceVersion %1, by %2). Your text is kept: Reload to take the new version, Diff to compare.</source>
        <translation>Este objeto mudou no servidor desde que você o abriu (resourceVersion %1, por %2). Seu texto foi mantido: Recarregar para pegar a nova versão, Diferenças para comparar.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="155" />
        <source>Reload needs one object with a kind and a name in the text.</source>
        <translation>Recarregar precisa de um objeto com kind e nome no texto.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="170" />
        <source>The object no longer exists on the server; your text is kept.</source>
        <translation>O objeto não existe mais no servidor; seu texto foi mantido.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="178" />
        <source>Reloaded the live object (resourceVersion %1). Undo (Ctrl+Z) brings your text back.</source>
        <translation>Objeto do cluster recarregado (resourceVersion %1). Desfazer (Ctrl+Z) traz seu texto de volta.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="190" />
        <source>Applying over the current object needs the one live object you opened.</source>
        <translation>Aplicar sobre o objeto atual precisa do objeto do cluster que você abriu.</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="203" />
        <source>Applying your changes over the current object…</source>
        <translation>Aplicando suas mudanças sobre o objeto atual…</translation>
    </message>
    <message>
        <location filename="../../ui/views/yaml_editor_live.cpp" line="220" />
        <source>Your changes were applied over the current object (resourceVersion %1).</source>
        <translation>Suas mudanças foram aplicadas sobre o objeto atual (resourceVersion %1).</translation>
    </message>
</context>
</TS>
