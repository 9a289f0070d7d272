<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Alerts</name>
    <message>
        <source>Missing Required Environment Variable</source>
        <translation>Falta una variable de entorno obligatoria</translation>
    </message>
    <message>
        <source>%1 (required for Module %2 (%3))</source>
        <translation>%1 (necesaria para el módulo %2 (%3))</translation>
    </message>
    <message>
        <source>Set the variable in the configuration and restart the check</source>
        <translation>Defina la variable en la configuración y vuelva a lanzar la comprobación</translation>
    </message>
    <message>
        <source>Module Down: %1</source>
        <translation>Módulo caído: %1</translation>
    </message>
    <message>
        <source>Investigate module logs and restart if necessary</source>
        <translation>Revise los registros del módulo y reinícielo si hace falta</translation>
    </message>
    <message>
        <source>Module down in critical path</source>
        <translation>Módulo caído en el recorrido crítico</translation>
    </message>
    <message>
        <source>Impact: Patient journey blocked</source>
        <translation>Impacto: el recorrido del paciente está bloqueado</translation>
    </message>
    <message>
        <source>Restore module health to ensure data flow</source>
        <translation>Recupere el módulo para que los datos vuelvan a fluir</translation>
    </message>
    <message>
        <source>Circuit Open: %1</source>
        <translation>Circuito abierto: %1</translation>
    </message>
    <message>
        <source>Calls to the module are refused until it answers again</source>
        <translation>Las llamadas al módulo se rechazan hasta que vuelva a responder</translation>
    </message>
    <message>
        <source>Reset the breaker in Modules once the module answers again</source>
        <translation>Restablezca el disyuntor en Módulos cuando el módulo vuelva a responder</translation>
    </message>
    <message>
        <source>Module Degraded: %1</source>
        <translation>Módulo degradado: %1</translation>
    </message>
    <message>
        <source>Review the module&apos;s recent errors and response times</source>
        <translation>Revise los errores recientes y los tiempos de respuesta del módulo</translation>
    </message>
    <message>
        <source>Dead letters piling up</source>
        <translation>Se acumulan mensajes fallidos</translation>
    </message>
    <message>
        <source>%1 module calls failed for good and wait in the dead-letter queue</source>
        <translation>%1 llamadas a módulos fallaron definitivamente y esperan en la cola de mensajes fallidos</translation>
    </message>
    <message>
        <source>Inspect them in the dead-letter queue, then replay or discard them</source>
        <translation>Revíselas en la cola de mensajes fallidos y vuelva a enviarlas o descártelas</translation>
    </message>
    <message>
        <source>Review SLA Breached: %1</source>
        <translation>Plazo de revisión superado: %1</translation>
    </message>
    <message>
        <source>Tasks past their SLA, now with the supervisors: %1</source>
        <translation>Tareas fuera de plazo, ahora con los supervisores: %1</translation>
    </message>
    <message>
        <source>Open the supervisor queue in Review and decide or reassign them</source>
        <translation>Abra la cola de supervisores en Revisión y decida o reasigne las tareas</translation>
    </message>
    <message>
        <source>Notifications Failing: %1</source>
        <translation>Fallan las notificaciones: %1</translation>
    </message>
    <message>
        <source>The last alert could not be delivered: %1</source>
        <translation>No se pudo entregar la última alerta: %1</translation>
    </message>
    <message>
        <source>Check the channel in Settings › Notifications and send a test</source>
        <translation>Revise el canal en Ajustes › Notificaciones y envíe una prueba</translation>
    </message>
    <message>
        <source>Secret Not Stored: %1</source>
        <translation>Secreto no guardado: %1</translation>
    </message>
    <message>
        <source>%1 is used from memory for this run only: %2</source>
        <translation>%1 se usa desde la memoria solo en esta ejecución: %2</translation>
    </message>
    <message>
        <source>Start a Secret Service (a desktop keychain), or set SECRETS_BACKEND=file with a key (LoadCredential= or SWITCHBOARD_SECRET_KEY_FILE), then restart; see docs/deployment.md</source>
        <translation>Inicie un servicio de secretos (un llavero de escritorio) o defina SECRETS_BACKEND=file con una clave (LoadCredential= o SWITCHBOARD_SECRET_KEY_FILE) y reinicie; consulte docs/deployment.md</translation>
    </message>
    <message>
        <source>KPI Threshold Breached</source>
        <translation>Umbral de indicador superado</translation>
    </message>
    <message>
        <source>%1 (%2) below threshold (%3)</source>
        <translation>%1 (%2) por debajo del umbral (%3)</translation>
    </message>
    <message>
        <source>%1 (%2) above threshold (%3)</source>
        <translation>%1 (%2) por encima del umbral (%3)</translation>
    </message>
    <message>
        <source>Review the figure&apos;s trend on the dashboard and the modules that feed it</source>
        <translation>Revise la tendencia de la cifra en el panel y los módulos que la alimentan</translation>
    </message>
    <message>
        <source>Lead volume</source>
        <translation>Volumen de contactos</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Reservas</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <source>Lead to booking rate</source>
        <translation>Tasa de contacto a reserva</translation>
    </message>
    <message>
        <source>Show rate</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>Condition cleared</source>
        <translation>La condición desapareció</translation>
    </message>
    <message>
        <source>The condition changed %1 times in %2 minutes; the alert stays open until it has been stable for %2 minutes</source>
        <translation>La condición cambió %1 veces en %2 minutos; la alerta sigue abierta hasta que se mantenga estable %2 minutos</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 min: %2</source>
        <translation>%1 min: %2</translation>
    </message>
    <message>
        <source>%1 (required for Modules %2)</source>
        <translation>%1 (necesaria para los módulos %2)</translation>
    </message>
    <message>
        <source>%1 (required because %2 is set)</source>
        <translation>%1 (necesaria porque %2 está definida)</translation>
    </message>
    <message>
        <source>KPI Data Unavailable</source>
        <translation>Datos de indicadores no disponibles</translation>
    </message>
    <message>
        <source>Failed to fetch KPI data from Module 07 (%1): the dashboard shows no figures rather than old ones</source>
        <translation>No se pudieron obtener los indicadores del módulo 07 (%1): el panel no muestra cifras en lugar de mostrar cifras antiguas</translation>
    </message>
    <message>
        <source>Check Module 07; the figures return with its next answer</source>
        <translation>Revise el módulo 07; las cifras vuelven con su próxima respuesta</translation>
    </message>
</context>
<context>
    <name>BuilderActions</name>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Seleccionar todo</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Guardar borrador</translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation>Ordenar</translation>
    </message>
    <message>
        <source>Insert step</source>
        <translation>Insertar paso</translation>
    </message>
    <message>
        <source>Test run</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Find a step</source>
        <translation>Buscar un paso</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Flujo de trabajo</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Start an empty workflow or one from a built-in template</source>
        <translation>Empezar un flujo vacío o uno a partir de una plantilla incluida</translation>
    </message>
    <message>
        <source>Empty workflow</source>
        <translation>Flujo vacío</translation>
    </message>
    <message>
        <source>Save the draft; it must have no problems (Ctrl+S)</source>
        <translation>Guardar el borrador; no debe tener problemas (Ctrl+S)</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Publicar…</translation>
    </message>
    <message>
        <source>Publish the saved draft as a new version that runs</source>
        <translation>Publicar el borrador guardado como una versión nueva que se ejecuta</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>What changed in this version?</source>
        <translation>¿Qué cambió en esta versión?</translation>
    </message>
    <message>
        <source>Undo the last edit (Ctrl+Z)</source>
        <translation>Deshacer el último cambio (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>Rehacer (Ctrl+Mayús+Z)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Alejar (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Acercar (Ctrl++)</translation>
    </message>
    <message>
        <source>Show the whole workflow (Ctrl+0)</source>
        <translation>Mostrar todo el flujo (Ctrl+0)</translation>
    </message>
    <message>
        <source>Lay the steps out left to right (Ctrl+Shift+L)</source>
        <translation>Colocar los pasos de izquierda a derecha (Ctrl+Mayús+L)</translation>
    </message>
    <message>
        <source>Test run…</source>
        <translation>Prueba…</translation>
    </message>
    <message>
        <source>Run this workflow now with sample input (Ctrl+R)</source>
        <translation>Ejecutar ahora este flujo con datos de ejemplo (Ctrl+R)</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historial…</translation>
    </message>
    <message>
        <source>Published versions and what changed between them</source>
        <translation>Versiones publicadas y qué cambió entre ellas</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <source>Open a workflow file, or an n8n export, as a new draft</source>
        <translation>Abrir un archivo de flujo, o una exportación de n8n, como borrador nuevo</translation>
    </message>
    <message>
        <source>Import a workflow</source>
        <translation>Importar un flujo</translation>
    </message>
    <message>
        <source>Workflow or n8n export (*.json)</source>
        <translation>Flujo o exportación de n8n (*.json)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Save the workflow on the canvas as a file</source>
        <translation>Guardar el flujo del lienzo en un archivo</translation>
    </message>
    <message>
        <source>Export the workflow</source>
        <translation>Exportar el flujo</translation>
    </message>
    <message>
        <source>Workflow (*.json)</source>
        <translation>Flujo (*.json)</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>Promover</translation>
    </message>
    <message>
        <source>Make a published version run in staging, then in production</source>
        <translation>Hacer que una versión publicada se ejecute en preproducción y después en producción</translation>
    </message>
</context>
<context>
    <name>BuilderFiles</name>
    <message>
        <source>There is no template &quot;%1&quot;.</source>
        <translation>No hay ninguna plantilla «%1».</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a workflow: %2 at character %3</source>
        <translation>%1 no es un flujo: %2 en el carácter %3</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>No importado: %1</translation>
    </message>
    <message>
        <source>Not imported, %1 has %2 problem(s); the first: %3</source>
        <translation>No importado: %1 tiene %2 problema(s); el primero: %3</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>CertificateTrust</name>
    <message>
        <source>Check the core&apos;s certificate</source>
        <translation>Compruebe el certificado del núcleo</translation>
    </message>
    <message>
        <source>The core at %1 proves who it is with a certificate this computer does not know (&quot;%2&quot;). That is normal the first time for a clinic&apos;s own core.

Compare this fingerprint with the one the core shows when it starts. Trust it only if they are the same.

SHA-256: %3</source>
        <translation>El núcleo en %1 se identifica con un certificado que este equipo no conoce («%2»). Es normal la primera vez con el núcleo propio de una clínica.

Compare esta huella con la que muestra el núcleo al arrancar. Confíe en él solo si son iguales.

SHA-256: %3</translation>
    </message>
    <message>
        <source>Trust this core</source>
        <translation>Confiar en este núcleo</translation>
    </message>
</context>
<context>
    <name>DashboardReport</name>
    <message>
        <source>healthy</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>degradado</translation>
    </message>
    <message>
        <source>down</source>
        <translation>caído</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>HEALTHY</source>
        <translation>CORRECTO</translation>
    </message>
    <message>
        <source>DEGRADED</source>
        <translation>DEGRADADO</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRÍTICO</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>crítica</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>info</source>
        <translation>información</translation>
    </message>
    <message>
        <source>Leads (24 h)</source>
        <translation>Contactos (24 h)</translation>
    </message>
    <message>
        <source>Bookings (24 h)</source>
        <translation>Reservas (24 h)</translation>
    </message>
    <message>
        <source>Leads and bookings, last %1 days</source>
        <translation>Contactos y reservas, últimos %1 días</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>%1 — Switchboard dashboard report</source>
        <translation>%1 — informe del panel de Switchboard</translation>
    </message>
    <message>
        <source>%1 — dashboard report</source>
        <translation>%1 — informe del panel</translation>
    </message>
    <message>
        <source>Generated %1 by Switchboard.</source>
        <translation>Generado el %1 por Switchboard.</translation>
    </message>
    <message>
        <source>System Health Overview</source>
        <translation>Estado general del sistema</translation>
    </message>
    <message>
        <source>System health: %1</source>
        <translation>Estado del sistema: %1</translation>
    </message>
    <message>
        <source>%1 (one module does not answer: its errors are not known)</source>
        <translation>%1 (un módulo no responde: no se conocen sus errores)</translation>
    </message>
    <message>
        <source>%1 (%2 modules do not answer: their errors are not known)</source>
        <translation>%1 (%2 módulos no responden: no se conocen sus errores)</translation>
    </message>
    <message>
        <source>Overall status</source>
        <translation>Estado general</translation>
    </message>
    <message>
        <source>Environment configuration</source>
        <translation>Configuración del entorno</translation>
    </message>
    <message>
        <source>✓ complete</source>
        <translation>✓ completa</translation>
    </message>
    <message>
        <source>✕ settings missing</source>
        <translation>✕ faltan ajustes</translation>
    </message>
    <message>
        <source>Dependency graph</source>
        <translation>Grafo de dependencias</translation>
    </message>
    <message>
        <source>✕ patient journey blocked</source>
        <translation>✕ recorrido del paciente bloqueado</translation>
    </message>
    <message>
        <source>✓ patient journey clear</source>
        <translation>✓ recorrido del paciente despejado</translation>
    </message>
    <message>
        <source>Errors (24 h)</source>
        <translation>Errores (24 h)</translation>
    </message>
    <message>
        <source>Active Alerts</source>
        <translation>Alertas activas</translation>
    </message>
    <message>
        <source>No alerts — the clinic is running normally.</source>
        <translation>Sin alertas: la clínica funciona con normalidad.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>Module Status Grid</source>
        <translation>Estado de los módulos</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>desconocidos</translation>
    </message>
    <message>
        <source>%1 · errors (24 h): %2</source>
        <translation>%1 · errores (24 h): %2</translation>
    </message>
    <message>
        <source>Key Performance Indicators</source>
        <translation>Indicadores clave</translation>
    </message>
    <message>
        <source>System Information</source>
        <translation>Información del sistema</translation>
    </message>
    <message>
        <source>Instance ID</source>
        <translation>ID de instancia</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(oculto)</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>ID de traza</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>HIPAA mode</source>
        <translation>Modo HIPAA</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activado</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
</context>
<context>
    <name>HealthRules</name>
    <message>
        <source>Not checked yet</source>
        <translation>Aún sin comprobar</translation>
    </message>
    <message>
        <source>No endpoint configured</source>
        <translation>Sin dirección configurada</translation>
    </message>
    <message>
        <source>Disabled in configuration</source>
        <translation>Desactivado en la configuración</translation>
    </message>
    <message>
        <source>Responding normally</source>
        <translation>Responde con normalidad</translation>
    </message>
    <message>
        <source>Module not responding to health checks</source>
        <translation>El módulo no responde a las comprobaciones de estado</translation>
    </message>
    <message>
        <source>Module reports itself down</source>
        <translation>El módulo informa de que está caído</translation>
    </message>
    <message>
        <source>Circuit breaker open: calls fail fast</source>
        <translation>Cortacircuitos abierto: las llamadas fallan de inmediato</translation>
    </message>
    <message>
        <source>No execution in %1 hours</source>
        <translation>Sin ejecuciones en %1 horas</translation>
    </message>
    <message>
        <source>Health answer could not be read</source>
        <translation>No se pudo leer la respuesta de estado</translation>
    </message>
    <message>
        <source>Circuit breaker half-open: testing recovery</source>
        <translation>Cortacircuitos semiabierto: probando la recuperación</translation>
    </message>
    <message>
        <source>%1 errors in last 24 hours (threshold: %2)</source>
        <translation>%1 errores en las últimas 24 horas (umbral: %2)</translation>
    </message>
    <message>
        <source>Module reports itself degraded</source>
        <translation>El módulo informa de que está degradado</translation>
    </message>
    <message>
        <source>Slow response: %1 ms (limit: %2 ms)</source>
        <translation>Respuesta lenta: %1 ms (límite: %2 ms)</translation>
    </message>
    <message>
        <source>Health check refused: the credential is wrong</source>
        <translation>Comprobación de estado rechazada: la credencial es incorrecta</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>By hand</source>
        <translation>A mano</translation>
    </message>
    <message>
        <source>A module&apos;s event</source>
        <translation>Evento de módulo</translation>
    </message>
    <message>
        <source>On a schedule</source>
        <translation>Según un horario</translation>
    </message>
    <message>
        <source>A webhook call</source>
        <translation>Una llamada webhook</translation>
    </message>
    <message>
        <source>All of them</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>The first one</source>
        <translation>El primero</translation>
    </message>
    <message>
        <source>A number of them</source>
        <translation>Un número de ellos</translation>
    </message>
    <message>
        <source>Support staff</source>
        <translation>Personal de soporte</translation>
    </message>
    <message>
        <source>A manager</source>
        <translation>Un responsable</translation>
    </message>
    <message>
        <source>An admin</source>
        <translation>Un administrador</translation>
    </message>
    <message>
        <source>The console</source>
        <translation>La consola</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
</context>
<context>
    <name>Kpis</name>
    <message>
        <source>Leads (24 h)</source>
        <translation>Contactos (24 h)</translation>
    </message>
    <message>
        <source>New leads captured by Intake in the last 24 hours</source>
        <translation>Contactos nuevos registrados por Admisión en las últimas 24 horas</translation>
    </message>
    <message>
        <source>Bookings (24 h)</source>
        <translation>Reservas (24 h)</translation>
    </message>
    <message>
        <source>Consultations booked in the last 24 hours</source>
        <translation>Consultas reservadas en las últimas 24 horas</translation>
    </message>
    <message>
        <source>Revenue (24 h)</source>
        <translation>Ingresos (24 h)</translation>
    </message>
    <message>
        <source>Payments received in the last 24 hours, in US dollars</source>
        <translation>Pagos recibidos en las últimas 24 horas, en dólares</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Conversión</translation>
    </message>
    <message>
        <source>Show rate</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Visits out of visits and no-shows in the last 24 hours</source>
        <translation>Visitas frente a visitas más ausencias en las últimas 24 horas</translation>
    </message>
    <message>
        <source>NPS (30 d)</source>
        <translation>NPS (30 d)</translation>
    </message>
    <message>
        <source>Average satisfaction score of the last 30 days, 0 to 10</source>
        <translation>Puntuación media de satisfacción de los últimos 30 días, de 0 a 10</translation>
    </message>
    <message>
        <source>Share of the leads of the last 24 hours whose patient has booked since</source>
        <translation>Proporción de los contactos de las últimas 24 horas cuyo paciente ha reservado desde entonces</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Intake &amp; Lead Capture</source>
        <translation>Admisión y captación</translation>
    </message>
    <message>
        <source>Consult Booking</source>
        <translation>Reserva de consultas</translation>
    </message>
    <message>
        <source>Telehealth</source>
        <translation>Telemedicina</translation>
    </message>
    <message>
        <source>Billing &amp; Payments</source>
        <translation>Facturación y pagos</translation>
    </message>
    <message>
        <source>Follow-up Campaigns</source>
        <translation>Campañas de seguimiento</translation>
    </message>
    <message>
        <source>Document OCR</source>
        <translation>OCR de documentos</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analítica</translation>
    </message>
    <message>
        <source>Messaging Hub</source>
        <translation>Centro de mensajería</translation>
    </message>
    <message>
        <source>Compliance Audit</source>
        <translation>Auditoría de cumplimiento</translation>
    </message>
    <message>
        <source>Capture a lead</source>
        <translation>Registrar un contacto</translation>
    </message>
    <message>
        <source>Score a lead</source>
        <translation>Puntuar un contacto</translation>
    </message>
    <message>
        <source>Archive stale leads</source>
        <translation>Archivar contactos antiguos</translation>
    </message>
    <message>
        <source>Offer free slots</source>
        <translation>Ofrecer huecos libres</translation>
    </message>
    <message>
        <source>Book the first free slot</source>
        <translation>Reservar el primer hueco libre</translation>
    </message>
    <message>
        <source>Offer a new time</source>
        <translation>Ofrecer otra hora</translation>
    </message>
    <message>
        <source>Cancel a booking</source>
        <translation>Cancelar una reserva</translation>
    </message>
    <message>
        <source>List appointments</source>
        <translation>Listar las citas</translation>
    </message>
    <message>
        <source>Create a video visit</source>
        <translation>Crear una videoconsulta</translation>
    </message>
    <message>
        <source>Cancel a video visit</source>
        <translation>Cancelar una videoconsulta</translation>
    </message>
    <message>
        <source>Charge a deposit</source>
        <translation>Cobrar un depósito</translation>
    </message>
    <message>
        <source>Retry a payment</source>
        <translation>Reintentar un cobro</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Reembolsar</translation>
    </message>
    <message>
        <source>Approve an invoice</source>
        <translation>Aprobar una factura</translation>
    </message>
    <message>
        <source>Reject an invoice</source>
        <translation>Rechazar una factura</translation>
    </message>
    <message>
        <source>Start a campaign</source>
        <translation>Iniciar una campaña</translation>
    </message>
    <message>
        <source>Store a document</source>
        <translation>Guardar un documento</translation>
    </message>
    <message>
        <source>Reject a document</source>
        <translation>Rechazar un documento</translation>
    </message>
    <message>
        <source>Delete temporary documents</source>
        <translation>Borrar documentos temporales</translation>
    </message>
    <message>
        <source>Take a KPI snapshot</source>
        <translation>Tomar las cifras clave</translation>
    </message>
    <message>
        <source>Generate the report</source>
        <translation>Generar el informe</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>Enviar un mensaje</translation>
    </message>
    <message>
        <source>Send a reply</source>
        <translation>Enviar una respuesta</translation>
    </message>
    <message>
        <source>Send reminders</source>
        <translation>Enviar recordatorios</translation>
    </message>
    <message>
        <source>Record an audit event</source>
        <translation>Registrar en la auditoría</translation>
    </message>
    <message>
        <source>Rotate the audit log</source>
        <translation>Rotar el registro de auditoría</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
</context>
<context>
    <name>SettingTexts</name>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Shown in alerts, messages and the report.</source>
        <translation>Aparece en las alertas, los mensajes y el informe.</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>For schedules and quiet hours, e.g. America/New_York. Empty: this computer&apos;s.</source>
        <translation>Para las programaciones y las horas de silencio, p. ej. America/New_York. Vacío: la de este equipo.</translation>
    </message>
    <message>
        <source>Check every</source>
        <translation>Comprobar cada</translation>
    </message>
    <message>
        <source>How often each module is checked, e.g. 15m or 30s.</source>
        <translation>Cada cuánto se comprueba cada módulo, p. ej. 15m o 30s.</translation>
    </message>
    <message>
        <source>Answer within (ms)</source>
        <translation>Responder en (ms)</translation>
    </message>
    <message>
        <source>A check with no answer by then has failed.</source>
        <translation>Una comprobación sin respuesta en ese plazo ha fallado.</translation>
    </message>
    <message>
        <source>Tries again</source>
        <translation>Reintentos</translation>
    </message>
    <message>
        <source>Times a failed check is repeated before it counts.</source>
        <translation>Veces que se repite una comprobación fallida antes de contarla.</translation>
    </message>
    <message>
        <source>Errors for “degraded”</source>
        <translation>Errores para «degradado»</translation>
    </message>
    <message>
        <source>A module with more errors than this in 24 hours is degraded.</source>
        <translation>Un módulo con más errores que estos en 24 horas está degradado.</translation>
    </message>
    <message>
        <source>Slow answer (ms)</source>
        <translation>Respuesta lenta (ms)</translation>
    </message>
    <message>
        <source>A check answered slower than this is degraded.</source>
        <translation>Una comprobación respondida más despacio está degradada.</translation>
    </message>
    <message>
        <source>Idle hours for “down”</source>
        <translation>Horas sin actividad para «caído»</translation>
    </message>
    <message>
        <source>A module that has run nothing for longer is down.</source>
        <translation>Un módulo que no ha ejecutado nada durante más tiempo está caído.</translation>
    </message>
    <message>
        <source>Dead letters for an alert</source>
        <translation>Mensajes fallidos para una alerta</translation>
    </message>
    <message>
        <source>More failed calls than this waiting raise an alert.</source>
        <translation>Más llamadas fallidas en espera que estas generan una alerta.</translation>
    </message>
    <message>
        <source>Failures to pause a module</source>
        <translation>Fallos para pausar un módulo</translation>
    </message>
    <message>
        <source>Failed calls in a row before calls to the module pause.</source>
        <translation>Llamadas fallidas seguidas antes de pausar las llamadas al módulo.</translation>
    </message>
    <message>
        <source>Pause for (ms)</source>
        <translation>Pausar durante (ms)</translation>
    </message>
    <message>
        <source>How long calls stay paused before one is tried.</source>
        <translation>Cuánto tiempo quedan pausadas las llamadas antes de probar una.</translation>
    </message>
    <message>
        <source>Finished runs (days)</source>
        <translation>Ejecuciones terminadas (días)</translation>
    </message>
    <message>
        <source>Runs, their steps and review tasks are kept this long.</source>
        <translation>Las ejecuciones, sus pasos y las tareas de revisión se guardan este tiempo.</translation>
    </message>
    <message>
        <source>Trends (days)</source>
        <translation>Tendencias (días)</translation>
    </message>
    <message>
        <source>Hourly module and key-figure readings.</source>
        <translation>Lecturas horarias de los módulos y de los indicadores.</translation>
    </message>
    <message>
        <source>Resolved alerts (days)</source>
        <translation>Alertas resueltas (días)</translation>
    </message>
    <message>
        <source>With their history.</source>
        <translation>Con su historial.</translation>
    </message>
    <message>
        <source>Notifications sent (days)</source>
        <translation>Notificaciones enviadas (días)</translation>
    </message>
    <message>
        <source>The audit log is kept for ever, whatever is set here.</source>
        <translation>El registro de auditoría se guarda siempre, se indique lo que se indique aquí.</translation>
    </message>
</context>
<context>
    <name>StatusStyle</name>
    <message>
        <source>Healthy</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Degradado</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Caído</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>HEALTHY</source>
        <translation>CORRECTO</translation>
    </message>
    <message>
        <source>DEGRADED</source>
        <translation>DEGRADADO</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRÍTICO</translation>
    </message>
</context>
<context>
    <name>Switchboard::AccessPage</name>
    <message>
        <source>Viewer: reads everything but patient data</source>
        <translation>Lector: lo lee todo salvo los datos de pacientes</translation>
    </message>
    <message>
        <source>Support: works the review queues</source>
        <translation>Soporte: trabaja las colas de revisión</translation>
    </message>
    <message>
        <source>Manager: also alerts, workflows and reports</source>
        <translation>Gerencia: además alertas, flujos e informes</translation>
    </message>
    <message>
        <source>Admin: everything, settings and access included</source>
        <translation>Administración: todo, ajustes y accesos incluidos</translation>
    </message>
    <message>
        <source>Issue token</source>
        <translation>Emitir token</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revocar…</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitido</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>The token is refused from its next request on</source>
        <translation>El token se rechaza a partir de su próxima petición</translation>
    </message>
    <message>
        <source>A new token</source>
        <translation>Un token nuevo</translation>
    </message>
    <message>
        <source>Who or what holds it: &quot;Reception desk&quot;</source>
        <translation>Quién o qué lo tiene: «Recepción»</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copiado.</translation>
    </message>
    <message>
        <source>Copy the token now and give it to its holder: it is not shown again. Lost, it is revoked and a new one issued.</source>
        <translation>Copie el token ahora y entrégueselo a quien lo vaya a usar: no se vuelve a mostrar. Si se pierde, se revoca y se emite otro.</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Revoked %1 by %2</source>
        <translation>Revocado el %1 por %2</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>En uso</translation>
    </message>
    <message>
        <source>Token issued for &quot;%1&quot; (%2).</source>
        <translation>Token emitido para «%1» (%2).</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>No se hizo: %1</translation>
    </message>
    <message>
        <source>Revoke the token?</source>
        <translation>¿Revocar el token?</translation>
    </message>
    <message>
        <source>&quot;%1&quot; can no longer use the API from its next request on. This cannot be undone: a new token would have to be issued.</source>
        <translation>«%1» ya no podrá usar la API a partir de su próxima petición. No se puede deshacer: habría que emitir un token nuevo.</translation>
    </message>
    <message>
        <source>Services that use the core&apos;s API (a script, a wall screen, another system), each with a token and a role; people log in with their own name (Settings › People). Tokens set in the configuration (SWITCHBOARD_TOKENS and the admin token) are not listed here.</source>
        <translation>Servicios que usan la API del núcleo (un script, una pantalla mural, otro sistema), cada uno con un token y un rol; las personas entran con su propio nombre (Ajustes › Personas). Los tokens definidos en la configuración (SWITCHBOARD_TOKENS y el token de administración) no aparecen aquí.</translation>
    </message>
</context>
<context>
    <name>Switchboard::AlertDetail</name>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Notifications sent</source>
        <translation>Notificaciones enviadas</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Select an alert to see what happened and what to do.</source>
        <translation>Seleccione una alerta para ver qué pasó y qué hacer.</translation>
    </message>
    <message>
        <source>owner: %1</source>
        <translation>responsable: %1</translation>
    </message>
    <message>
        <source>checks that saw it: %1</source>
        <translation>comprobaciones que la vieron: %1</translation>
    </message>
    <message>
        <source>first: %1</source>
        <translation>primera: %1</translation>
    </message>
    <message>
        <source>last: %1</source>
        <translation>última: %1</translation>
    </message>
    <message>
        <source>not paged while its module is down</source>
        <translation>no avisa mientras su módulo está caído</translation>
    </message>
    <message>
        <source>No action suggested.</source>
        <translation>No hay acción sugerida.</translation>
    </message>
    <message>
        <source>Open %1 in Modules</source>
        <translation>Abrir %1 en Módulos</translation>
    </message>
    <message>
        <source>Executions with failed calls to this module: %1</source>
        <translation>Ejecuciones con llamadas fallidas a este módulo: %1</translation>
    </message>
    <message>
        <source>✓ Sent</source>
        <translation>✓ Enviada</translation>
    </message>
    <message>
        <source>✕ Failed</source>
        <translation>✕ Fallida</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Reintentando</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>attempts: %1 · %2</source>
        <translation>intentos: %1 · %2</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Generada</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Reconocida</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Pospuesta</translation>
    </message>
    <message>
        <source>Snooze ended</source>
        <translation>Fin de la posposición</translation>
    </message>
    <message>
        <source>Silenced</source>
        <translation>Silenciada</translation>
    </message>
    <message>
        <source>Silence ended</source>
        <translation>Fin del silencio</translation>
    </message>
    <message>
        <source>Muted while its module is down</source>
        <translation>Silenciada mientras su módulo está caído</translation>
    </message>
    <message>
        <source>No longer muted</source>
        <translation>Ya no está silenciada</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Resolved by itself: the condition cleared</source>
        <translation>Resuelta sola: la condición desapareció</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> por %1</translation>
    </message>
    <message>
        <source>No one was notified: no channel takes this alert, or it is silenced. Set channels up under Settings › Notifications.</source>
        <translation>No se avisó a nadie: ningún canal recibe esta alerta, o está silenciada. Configure los canales en Ajustes › Notificaciones.</translation>
    </message>
</context>
<context>
    <name>Switchboard::AlertTableModel</name>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>Silenced</source>
        <translation>Silenciada</translation>
    </message>
    <message>
        <source>Muted: module down</source>
        <translation>Silenciada: módulo caído</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Reconocida</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Pospuesta hasta las %1</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Clinic-wide</source>
        <translation>Toda la clínica</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otras</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Vista por primera vez</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vista por última vez</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Veces</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
</context>
<context>
    <name>Switchboard::AlertsView</name>
    <message>
        <source>Acknowledge</source>
        <translation>Reconocer</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>Silenciar…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abiertas</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Reconocida</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Pospuesta</translation>
    </message>
    <message>
        <source>Silenced</source>
        <translation>Silenciada</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelta</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Cualquier gravedad</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Sin agrupar</translation>
    </message>
    <message>
        <source>By module</source>
        <translation>Por módulo</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>Por categoría</translation>
    </message>
    <message>
        <source>Search alerts (Ctrl+F)</source>
        <translation>Buscar alertas (Ctrl+F)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Agrupar</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Note (optional): what you did or why</source>
        <translation>Nota (opcional): qué hizo o por qué</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Posponer</translation>
    </message>
    <message>
        <source>Quiet it for a while; it pages again if still there (Alt+N)</source>
        <translation>Callarla un tiempo; vuelve a avisar si sigue ahí (Alt+N)</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutos</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 horas</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <source>You are on it: the channels that page hear so (Alt+A)</source>
        <translation>Usted se ocupa: los canales de guardia lo sabrán (Alt+A)</translation>
    </message>
    <message>
        <source>A maintenance window for this module or rule (Alt+S)</source>
        <translation>Una ventana de mantenimiento para este módulo o regla (Alt+S)</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Silences</source>
        <translation>Silencios</translation>
    </message>
    <message>
        <source>New silence…</source>
        <translation>Nuevo silencio…</translation>
    </message>
    <message>
        <source>End the selected silence</source>
        <translation>Terminar el silencio seleccionado</translation>
    </message>
    <message>
        <source>While a silence is active, matching alerts are still recorded here but notify no one.</source>
        <translation>Mientras un silencio está activo, las alertas que coinciden se siguen registrando aquí pero no avisan a nadie.</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Bandeja</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canales</translation>
    </message>
    <message>
        <source>No alerts yet. When a module fails, a key figure drops below its threshold or review tasks wait too long, the alert shows up here within a second.</source>
        <translation>Aún no hay alertas. Cuando un módulo falla, una cifra clave baja de su umbral o las tareas de revisión esperan demasiado, la alerta aparece aquí en menos de un segundo.</translation>
    </message>
    <message>
        <source>✓ No open alerts: the clinic is running normally. Choose &quot;Resolved&quot; or &quot;All&quot; above to look back.</source>
        <translation>✓ No hay alertas abiertas: la clínica funciona con normalidad. Elija «Resueltas» o «Todas» arriba para ver el pasado.</translation>
    </message>
    <message>
        <source>No alert matches these filters.</source>
        <translation>Ninguna alerta coincide con estos filtros.</translation>
    </message>
    <message>
        <source>Nothing is paging right now.</source>
        <translation>Nada está avisando ahora.</translation>
    </message>
    <message>
        <source>Paging now: %1 critical, %2 warning.</source>
        <translation>Avisando ahora: %1 críticas, %2 avisos.</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>sin fin</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 from %2 for %3 min</source>
        <translation>%1 desde las %2 durante %3 min</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Cada día</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Semanal</translation>
    </message>
    <message>
        <source>Active · %1</source>
        <translation>Activo · %1</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Select an alert to see what happened and what to do.</source>
        <translation>Seleccione una alerta para ver qué pasó y qué hacer.</translation>
    </message>
    <message>
        <source>%1 alerts selected: the buttons below act on all of them.</source>
        <translation>%1 alertas seleccionadas: los botones de abajo actúan sobre todas.</translation>
    </message>
    <message>
        <source>Mark the selected alerts as dealt with (Alt+R)</source>
        <translation>Marcar las alertas seleccionadas como atendidas (Alt+R)</translation>
    </message>
    <message>
        <source>The problem is still there: the alert resolves by itself when it goes. Acknowledge or snooze it meanwhile.</source>
        <translation>El problema sigue ahí: la alerta se resuelve sola cuando desaparezca. Mientras tanto, reconózcala o pospóngala.</translation>
    </message>
</context>
<context>
    <name>Switchboard::AttentionPanel</name>
    <message>
        <source>Open alerts</source>
        <translation>Alertas abiertas</translation>
    </message>
    <message>
        <source>✓ No open alerts.</source>
        <translation>✓ No hay alertas abiertas.</translation>
    </message>
    <message>
        <source>The open alerts that matter most</source>
        <translation>Las alertas abiertas más importantes</translation>
    </message>
    <message>
        <source>Click an alert to open it in the Alerts section</source>
        <translation>Haga clic en una alerta para abrirla en la sección Alertas</translation>
    </message>
    <message>
        <source>All alerts →</source>
        <translation>Todas las alertas →</translation>
    </message>
    <message>
        <source>Open Review →</source>
        <translation>Ir a Revisión →</translation>
    </message>
    <message>
        <source>Open dead letters →</source>
        <translation>Ir a mensajes fallidos →</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Mensajes fallidos</translation>
    </message>
    <message>
        <source>Open alerts (%1)</source>
        <translation>Alertas abiertas (%1)</translation>
    </message>
    <message>
        <source>✓ No tasks waiting.</source>
        <translation>✓ No hay tareas pendientes.</translation>
    </message>
    <message>
        <source>1 task waiting</source>
        <translation>1 tarea pendiente</translation>
    </message>
    <message>
        <source>%1 tasks waiting</source>
        <translation>%1 tareas pendientes</translation>
    </message>
    <message>
        <source>The oldest came in just now.</source>
        <translation>La más antigua acaba de llegar.</translation>
    </message>
    <message>
        <source>The oldest has waited %1.</source>
        <translation>La más antigua lleva %1.</translation>
    </message>
    <message>
        <source>1 is overdue.</source>
        <translation>1 está fuera de plazo.</translation>
    </message>
    <message>
        <source>%1 are overdue.</source>
        <translation>%1 están fuera de plazo.</translation>
    </message>
    <message>
        <source>✓ None: every module call went through.</source>
        <translation>✓ Ninguno: todas las llamadas a módulos llegaron.</translation>
    </message>
    <message>
        <source>1 module call failed after every retry.</source>
        <translation>1 llamada a un módulo falló tras todos los reintentos.</translation>
    </message>
    <message>
        <source>%1 module calls failed after every retry.</source>
        <translation>%1 llamadas a módulos fallaron tras todos los reintentos.</translation>
    </message>
</context>
<context>
    <name>Switchboard::BuilderView</name>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Find a step or action</source>
        <translation>Buscar un paso o acción</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Mover</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <source>Edit workflow settings</source>
        <translation>Editar los ajustes del flujo</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>Arrange</source>
        <translation>Ordenar</translation>
    </message>
    <message>
        <source>Test run</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>This workflow cannot be opened: %1</source>
        <translation>No se puede abrir este flujo: %1</translation>
    </message>
    <message>
        <source>New workflow</source>
        <translation>Flujo nuevo</translation>
    </message>
    <message>
        <source>An empty canvas: drag a Start from the palette, then the steps after it.</source>
        <translation>Un lienzo vacío: arrastre un Inicio desde la paleta y después los pasos siguientes.</translation>
    </message>
    <message>
        <source>Opened the template &quot;%1&quot;. Save it to keep it as a draft.</source>
        <translation>Se abrió la plantilla «%1». Guárdela para conservarla como borrador.</translation>
    </message>
    <message>
        <source>Not mapped: %1</source>
        <translation>Sin equivalente: %1</translation>
    </message>
    <message>
        <source>Imported from n8n: %1 step(s) mapped, %2 not (placeholders to replace). Check the problems below, then save.</source>
        <translation>Importado de n8n: %1 paso(s) convertidos, %2 no (marcadores que sustituir). Revise los problemas de abajo y guarde.</translation>
    </message>
    <message>
        <source>Imported from n8n</source>
        <translation>Importado de n8n</translation>
    </message>
    <message>
        <source>%1 step(s) mapped, %2 not.</source>
        <translation>%1 paso(s) convertidos, %2 no.</translation>
    </message>
    <message>
        <source>Imported %1. Save it to keep it as a draft.</source>
        <translation>Se importó %1. Guárdelo para conservarlo como borrador.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportado a %1</translation>
    </message>
    <message>
        <source>A workflow has one start; &quot;%1&quot; is it.</source>
        <translation>Un flujo tiene un solo inicio; es «%1».</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Añadir %1</translation>
    </message>
    <message>
        <source>Added &quot;%1&quot;. Drag from an output dot on its right to the next step.</source>
        <translation>Se añadió «%1». Arrastre desde un punto de salida a su derecha hasta el paso siguiente.</translation>
    </message>
    <message>
        <source>Not connected: %1.</source>
        <translation>No conectado: %1.</translation>
    </message>
    <message>
        <source>Connect %1 → %2</source>
        <translation>Conectar %1 → %2</translation>
    </message>
    <message>
        <source>Connected %1 → %2 (%3).</source>
        <translation>Conectado %1 → %2 (%3).</translation>
    </message>
    <message>
        <source>Copied %1 step(s).</source>
        <translation>Copiado(s) %1 paso(s).</translation>
    </message>
    <message>
        <source>Pasted %1 step(s).</source>
        <translation>Pegado(s) %1 paso(s).</translation>
    </message>
    <message>
        <source>Click to go to the step</source>
        <translation>Haga clic para ir al paso</translation>
    </message>
    <message>
        <source>✓ No problems: this workflow can be saved and published.</source>
        <translation>✓ Sin problemas: este flujo se puede guardar y publicar.</translation>
    </message>
    <message>
        <source>Not saved: %1 problem(s) to fix first (listed below the canvas).</source>
        <translation>No guardado: antes hay que resolver %1 problema(s) (bajo el lienzo).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Save the draft first (Ctrl+S): publishing takes the saved draft.</source>
        <translation>Guarde antes el borrador (Ctrl+S): se publica el borrador guardado.</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publicando…</translation>
    </message>
    <message>
        <source>Open a workflow…</source>
        <translation>Abrir un flujo…</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (versión %2)</translation>
    </message>
    <message>
        <source>%1 (draft)</source>
        <translation>%1 (borrador)</translation>
    </message>
    <message>
        <source>Opened &quot;%1&quot;.</source>
        <translation>Se abrió «%1».</translation>
    </message>
    <message>
        <source>The core did not save &quot;%1&quot;: %2</source>
        <translation>El núcleo no guardó «%1»: %2</translation>
    </message>
    <message>
        <source>Saved the draft of &quot;%1&quot;.</source>
        <translation>Se guardó el borrador de «%1».</translation>
    </message>
    <message>
        <source>Published &quot;%1&quot; as version %2; new runs use it.</source>
        <translation>Se publicó «%1» como versión %2; las nuevas ejecuciones la usan.</translation>
    </message>
    <message>
        <source>Sample input (JSON), as the trigger would give it:</source>
        <translation>Entrada de ejemplo (JSON), como la daría el disparador:</translation>
    </message>
    <message>
        <source>The sample input is not a JSON object: %1</source>
        <translation>La entrada de ejemplo no es un objeto JSON: %1</translation>
    </message>
    <message>
        <source>Fix the %1 problem(s) first; a test run needs a workflow that validates.</source>
        <translation>Resuelva antes los %1 problema(s); una prueba necesita un flujo válido.</translation>
    </message>
    <message>
        <source>Starting a test run…</source>
        <translation>Iniciando una prueba…</translation>
    </message>
    <message>
        <source>Test run %1 is running…</source>
        <translation>La prueba %1 está en marcha…</translation>
    </message>
    <message>
        <source>The test run waits (a delay, an event or a review task).</source>
        <translation>La prueba espera (un retardo, un evento o una tarea de revisión).</translation>
    </message>
    <message>
        <source>Open version %1 as the draft</source>
        <translation>Abrir la versión %1 como borrador</translation>
    </message>
    <message>
        <source>Version %1 is on the canvas as the draft; Undo brings back what was there.</source>
        <translation>La versión %1 está en el lienzo como borrador; Deshacer recupera lo que había.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>«%1»: %2</translation>
    </message>
    <message>
        <source>Version %1 of &quot;%2&quot; now runs in %3.</source>
        <translation>La versión %1 de «%2» se ejecuta ahora en %3.</translation>
    </message>
    <message>
        <source>Not re-routed: %1.</source>
        <translation>No se cambió: %1.</translation>
    </message>
    <message>
        <source>Re-route %1 → %2</source>
        <translation>Cambiar %1 → %2</translation>
    </message>
    <message>
        <source>Re-routed: %1 → %2 now leads to %3.</source>
        <translation>Cambiado: %1 → %2 ahora lleva a %3.</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Renombrar %1 como %2</translation>
    </message>
    <message>
        <source>Renamed %1 to %2; its connections and the steps reading it follow.</source>
        <translation>Se renombró %1 como %2; sus conexiones y los pasos que lo leen lo siguen.</translation>
    </message>
    <message>
        <source>Test run %1 completed.</source>
        <translation>Prueba %1 completada.</translation>
    </message>
    <message>
        <source>Test run %1 failed at &quot;%2&quot;: %3</source>
        <translation>La prueba %1 falló en &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <source>Open which workflow?</source>
        <translation>¿Qué flujo de trabajo abrir?</translation>
    </message>
    <message>
        <source>This n8n workflow has %1 triggers. Switchboard runs one workflow per trigger; open one now and import the file again for the others.</source>
        <translation>Este flujo de n8n tiene %1 disparadores. Switchboard ejecuta un flujo por disparador; abra uno ahora e importe el archivo de nuevo para los demás.</translation>
    </message>
</context>
<context>
    <name>Switchboard::CanvasView</name>
    <message>
        <source>Workflow canvas</source>
        <translation>Lienzo del flujo</translation>
    </message>
</context>
<context>
    <name>Switchboard::CasesEditor</name>
    <message>
        <source>expression</source>
        <translation>expresión</translation>
    </message>
    <message>
        <source>Way out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>The first way whose test holds is taken; if none holds, the run goes the &quot;Otherwise&quot; way. Fields can be input.&lt;name&gt; or steps.&lt;step&gt;.output.&lt;name&gt;.</source>
        <translation>Se toma la primera salida cuya prueba se cumple; si ninguna se cumple, la ejecución sigue por «En otro caso». Los campos pueden ser input.&lt;nombre&gt; o steps.&lt;paso&gt;.output.&lt;nombre&gt;.</translation>
    </message>
    <message>
        <source>Add a way</source>
        <translation>Añadir salida</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Try this way earlier</source>
        <translation>Probar esta salida antes</translation>
    </message>
    <message>
        <source>Try this way later</source>
        <translation>Probar esta salida después</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Way %1 needs a name.</source>
        <translation>La salida %1 necesita un nombre.</translation>
    </message>
    <message>
        <source>Two ways are named &quot;%1&quot;.</source>
        <translation>Dos salidas se llaman «%1».</translation>
    </message>
    <message>
        <source>Way &quot;%1&quot; needs a field to test.</source>
        <translation>La salida «%1» necesita un campo que probar.</translation>
    </message>
</context>
<context>
    <name>Switchboard::ChannelsPanel</name>
    <message>
        <source>Enabled</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Also say when an alert is resolved</source>
        <translation>Avisar también cuando se resuelva</translation>
    </message>
    <message>
        <source>&amp;Save channel</source>
        <translation>&amp;Guardar canal</translation>
    </message>
    <message>
        <source>Send &amp;test</source>
        <translation>Enviar &amp;prueba</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Notification channels</source>
        <translation>Canales de notificación</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>PagerDuty</source>
        <translation>PagerDuty</translation>
    </message>
    <message>
        <source>Webhook (JSON)</source>
        <translation>Webhook (JSON)</translation>
    </message>
    <message>
        <source>E-mail (SMTP)</source>
        <translation>Correo (SMTP)</translation>
    </message>
    <message>
        <source>SMS (Twilio)</source>
        <translation>SMS (Twilio)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> por minuto</translation>
    </message>
    <message>
        <source>front-desk-slack</source>
        <translation>slack-recepcion</translation>
    </message>
    <message>
        <source>All; or e.g. health, kpi</source>
        <translation>Todas; o p. ej. health, kpi</translation>
    </message>
    <message>
        <source>Separate several with commas</source>
        <translation>Separe varios con comas</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Severities</source>
        <translation>Gravedades</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Events API URL</source>
        <translation>URL de la API de eventos</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Servidor SMTP</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Twilio API</source>
        <translation>API de Twilio</translation>
    </message>
    <message>
        <source>Account SID</source>
        <translation>SID de la cuenta</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Límite de envío</translation>
    </message>
    <message>
        <source>&amp;New channel</source>
        <translation>&amp;Nuevo canal</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Sending a test…</source>
        <translation>Enviando una prueba…</translation>
    </message>
    <message>
        <source>Routing key</source>
        <translation>Clave de enrutamiento</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation>Token de autenticación</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>URL del webhook</translation>
    </message>
    <message>
        <source> · off</source>
        <translation> · apagado</translation>
    </message>
    <message>
        <source> · ✕ failing</source>
        <translation> · ✕ fallando</translation>
    </message>
    <message>
        <source> · ✓ working</source>
        <translation> · ✓ funciona</translation>
    </message>
    <message>
        <source>Kept in the keychain; type a new one to replace it</source>
        <translation>Guardado en el llavero; escriba otro para reemplazarlo</translation>
    </message>
    <message>
        <source>Last delivery failed: %1</source>
        <translation>El último envío falló: %1</translation>
    </message>
    <message>
        <source>Saved. The secret is in the keychain.</source>
        <translation>Guardado. El secreto está en el llavero.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Test sent. Check that it arrived.</source>
        <translation>Prueba enviada. Compruebe que llegó.</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>La prueba falló: %1</translation>
    </message>
    <message>
        <source>Where alerts go. Webhook URLs, keys, passwords and tokens are kept in the system keychain, never in Switchboard&apos;s files.</source>
        <translation>Adónde van las alertas. Las URL de webhook, claves, contraseñas y tokens se guardan en el llavero del sistema, nunca en los archivos de Switchboard.</translation>
    </message>
    <message>
        <source>No channels yet: alerts reach no one outside this console. Fill in the form to add one.</source>
        <translation>Aún no hay canales: las alertas no llegan a nadie fuera de esta consola. Rellene el formulario para añadir uno.</translation>
    </message>
    <message>
        <source>OpsGenie</source>
        <translation>OpsGenie</translation>
    </message>
    <message>
        <source>Alert API URL</source>
        <translation>URL de la API de alertas</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
</context>
<context>
    <name>Switchboard::ConnectDialog</name>
    <message>
        <source>Connect to a clinic</source>
        <translation>Conectar con una clínica</translation>
    </message>
    <message>
        <source>The address of the clinic&apos;s Switchboard core, as your administrator gave it, for example https://core.clinic.lan:8600.</source>
        <translation>La dirección del núcleo de Switchboard de la clínica, tal como se la dio su administrador, por ejemplo https://core.clinic.lan:8600.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Type the core&apos;s address.</source>
        <translation>Escriba la dirección del núcleo.</translation>
    </message>
    <message>
        <source>This address cannot be used: %1</source>
        <translation>No se puede usar esta dirección: %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::CredentialDialog</name>
    <message>
        <source>Reading the credential…</source>
        <translation>Leyendo la credencial…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Credential for %1</source>
        <translation>Credencial de %1</translation>
    </message>
    <message>
        <source>API key in a header</source>
        <translation>Clave de API en una cabecera</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Token de portador (Bearer)</translation>
    </message>
    <message>
        <source>The header the key is sent in; Kong&apos;s key-auth reads &quot;apikey&quot;</source>
        <translation>La cabecera en la que se envía la clave; key-auth de Kong lee &quot;apikey&quot;</translation>
    </message>
    <message>
        <source>Typed once; never shown again</source>
        <translation>Se escribe una vez; nunca se vuelve a mostrar</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Cabecera</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secreto</translation>
    </message>
    <message>
        <source>Switchboard sends this on every call and health check to the module. It is kept in the secret store.</source>
        <translation>Switchboard la envía en cada llamada y comprobación de estado al módulo. Se guarda en el almacén de secretos.</translation>
    </message>
    <message>
        <source>No credential is set: calls to this module go without one.</source>
        <translation>No hay credencial: las llamadas a este módulo van sin ella.</translation>
    </message>
    <message>
        <source>A bearer token is set.</source>
        <translation>Hay un token de portador.</translation>
    </message>
    <message>
        <source>An API key is set, sent in the header &quot;%1&quot;.</source>
        <translation>Hay una clave de API, enviada en la cabecera &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::DashboardView</name>
    <message>
        <source>Modules</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <source>Module tiles</source>
        <translation>Fichas de módulos</translation>
    </message>
    <message>
        <source>Click a module, or select it and press Enter, to open its details.</source>
        <translation>Haga clic en un módulo, o selecciónelo y pulse Intro, para ver sus detalles.</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Cifras clave</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Exportar informe…</translation>
    </message>
    <message>
        <source>Save this dashboard as a web page or a PDF to share or print (Ctrl+E)</source>
        <translation>Guardar este panel como página web o PDF para compartirlo o imprimirlo (Ctrl+E)</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Tendencias</translation>
    </message>
    <message>
        <source>from Analytics (module 07)</source>
        <translation>de Analítica (módulo 07)</translation>
    </message>
    <message>
        <source>KPI data unavailable: Analytics (module 07) is not answering</source>
        <translation>Indicadores no disponibles: Analítica (módulo 07) no responde</translation>
    </message>
    <message>
        <source>counted by Switchboard from the modules&apos; events (Analytics, module 07, is not set up)</source>
        <translation>contados por Switchboard a partir de los eventos de los módulos (Analítica, módulo 07, no está configurado)</translation>
    </message>
</context>
<context>
    <name>Switchboard::DataPage</name>
    <message>
        <source>Back up now</source>
        <translation>Copia de seguridad ahora</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <source>How long things are kept</source>
        <translation>Cuánto tiempo se guarda</translation>
    </message>
    <message>
        <source>Database and backups</source>
        <translation>Base de datos y copias de seguridad</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>A backup is made every day; the newest three are kept, with those made here.</source>
        <translation>Cada día se hace una copia; se guardan las tres más recientes, además de las hechas aquí.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo la copia…</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>¿Restaurar esta copia?</translation>
    </message>
    <message>
        <source>When Switchboard next starts, the database goes back to the backup of %1. What happened since is set aside in a backup of its own, not deleted.</source>
        <translation>Cuando Switchboard vuelva a iniciarse, la base de datos volverá a la copia del %1. Lo ocurrido desde entonces se aparta en una copia propia, no se borra.</translation>
    </message>
    <message>
        <source>This core keeps its data in memory: nothing is kept after it stops, and there are no backups.</source>
        <translation>Este núcleo guarda sus datos en memoria: no se conserva nada cuando se detiene y no hay copias de seguridad.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>set aside at a restore</source>
        <translation>apartada al restaurar</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>hecha a mano</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>diaria</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 is put back when Switchboard next starts.</source>
        <translation>%1 se restaurará cuando Switchboard vuelva a iniciarse.</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>Copia guardada en %1.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>No se hizo: %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::DeadLetterModel</name>
    <message>
        <source>! Waiting</source>
        <translation>! En espera</translation>
    </message>
    <message>
        <source>↻ Being sent</source>
        <translation>↻ Enviándose</translation>
    </message>
    <message>
        <source>✓ Sent again</source>
        <translation>✓ Reenviada</translation>
    </message>
    <message>
        <source>– Set aside</source>
        <translation>– Apartada</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>Open the execution</source>
        <translation>Abrir la ejecución</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Qué falló</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Ejecución</translation>
    </message>
</context>
<context>
    <name>Switchboard::DeadLetterView</name>
    <message>
        <source>Show patient data</source>
        <translation>Mostrar datos del paciente</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <source>Correct and send…</source>
        <translation>Corregir y enviar…</translation>
    </message>
    <message>
        <source>Set aside…</source>
        <translation>Apartar…</translation>
    </message>
    <message>
        <source>Send all waiting…</source>
        <translation>Reenviar todas…</translation>
    </message>
    <message>
        <source>Open execution</source>
        <translation>Abrir ejecución</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Sent again</source>
        <translation>Reenviadas</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Apartadas</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Show dead letters that are</source>
        <translation>Mostrar mensajes fallidos que están</translation>
    </message>
    <message>
        <source>Who looked is recorded in the audit log</source>
        <translation>Quién los mira queda registrado en la auditoría</translation>
    </message>
    <message>
        <source>Send the selected calls again as they were (each only once)</source>
        <translation>Reenviar las llamadas seleccionadas tal como eran (cada una una sola vez)</translation>
    </message>
    <message>
        <source>After an outage: send every waiting call again</source>
        <translation>Tras una caída: reenviar todas las llamadas en espera</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>No module call is waiting here: every call that failed after its retries has been sent again or set aside.</source>
        <translation>No hay llamadas en espera: todas las que fallaron tras sus reintentos se reenviaron o se apartaron.</translation>
    </message>
    <message>
        <source>No dead letters match this filter.</source>
        <translation>Ningún mensaje fallido coincide con este filtro.</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>datos enviados</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>respuesta</translation>
    </message>
    <message>
        <source>why it was set aside</source>
        <translation>motivo por el que se apartó</translation>
    </message>
    <message>
        <source>idempotency key</source>
        <translation>clave de idempotencia</translation>
    </message>
    <message>
        <source>Sending 1 call again…</source>
        <translation>Reenviando 1 llamada…</translation>
    </message>
    <message>
        <source>Sending %1 calls again…</source>
        <translation>Reenviando %1 llamadas…</translation>
    </message>
    <message>
        <source>Send all waiting calls</source>
        <translation>Reenviar todas las llamadas en espera</translation>
    </message>
    <message>
        <source>Send all %1 waiting calls again now? Do this once the modules they go to are working again.</source>
        <translation>¿Reenviar ahora las %1 llamadas en espera? Hágalo cuando los módulos de destino vuelvan a funcionar.</translation>
    </message>
    <message>
        <source>Show patient data first: a hidden value cannot be corrected.</source>
        <translation>Muestre primero los datos del paciente: un valor oculto no se puede corregir.</translation>
    </message>
    <message>
        <source>Correct and send</source>
        <translation>Corregir y enviar</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>The corrected call goes out under a key of its own: the module treats it as a new request.</source>
        <translation>La llamada corregida sale con una clave propia: el módulo la trata como una petición nueva.</translation>
    </message>
    <message>
        <source>Not a JSON object yet: %1</source>
        <translation>Todavía no es un objeto JSON: %1</translation>
    </message>
    <message>
        <source>Sending the corrected call…</source>
        <translation>Enviando la llamada corregida…</translation>
    </message>
    <message>
        <source>Why is this call set aside for good? (For example: &quot;charged at the front desk&quot;.)</source>
        <translation>¿Por qué se aparta esta llamada definitivamente? (Por ejemplo: &quot;cobrado en recepción&quot;.)</translation>
    </message>
    <message>
        <source>A call is set aside only with a reason.</source>
        <translation>Una llamada solo se aparta indicando el motivo.</translation>
    </message>
    <message>
        <source>1 call set aside.</source>
        <translation>1 llamada apartada.</translation>
    </message>
    <message>
        <source>%1 calls set aside.</source>
        <translation>%1 llamadas apartadas.</translation>
    </message>
    <message>
        <source>1 call sent again.</source>
        <translation>1 llamada reenviada.</translation>
    </message>
    <message>
        <source>%1 calls sent again.</source>
        <translation>%1 llamadas reenviadas.</translation>
    </message>
    <message>
        <source>%1 could not be handled: %2</source>
        <translation>%1 no se pudieron procesar: %2</translation>
    </message>
</context>
<context>
    <name>Switchboard::DependencyGraphView</name>
    <message>
        <source>Module dependency graph</source>
        <translation>Grafo de dependencias de los módulos</translation>
    </message>
    <message>
        <source>Modules and the workflows that connect them; the patient journey is the top row.</source>
        <translation>Los módulos y los flujos que los conectan; el recorrido del paciente es la fila superior.</translation>
    </message>
    <message>
        <source>Patient journey</source>
        <translation>Recorrido del paciente</translation>
    </message>
    <message>
        <source>Linked by a workflow</source>
        <translation>Unidos por un flujo</translation>
    </message>
    <message>
        <source>Stops if %1 stops</source>
        <translation>Se detiene si %1 se detiene</translation>
    </message>
    <message>
        <source>%1: no published workflow uses it.</source>
        <translation>%1: ningún flujo publicado lo usa.</translation>
    </message>
    <message>
        <source>%1 is used by: %2</source>
        <translation>%1 lo usan: %2</translation>
    </message>
</context>
<context>
    <name>Switchboard::Deployments</name>
    <message>
        <source>dev</source>
        <translation>desarrollo</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>preproducción</translation>
    </message>
    <message>
        <source>production</source>
        <translation>producción</translation>
    </message>
    <message>
        <source>%1: version %2</source>
        <translation>%1: versión %2</translation>
    </message>
    <message>
        <source>%1: —</source>
        <translation>%1: —</translation>
    </message>
    <message>
        <source>Not published yet.</source>
        <translation>Aún sin publicar.</translation>
    </message>
    <message>
        <source>Runs in %1</source>
        <translation>Se ejecuta en %1</translation>
    </message>
    <message>
        <source>Version %1 from %2 to %3</source>
        <translation>Versión %1 de %2 a %3</translation>
    </message>
    <message>
        <source>To %1 (nothing runs in %2)</source>
        <translation>A %1 (nada se ejecuta en %2)</translation>
    </message>
    <message>
        <source>Nothing to promote to %1: no version runs in the environment before it.</source>
        <translation>Nada que promover a %1: ninguna versión se ejecuta en el entorno anterior.</translation>
    </message>
    <message>
        <source>Promoting version %1 to %2…</source>
        <translation>Promoviendo la versión %1 a %2…</translation>
    </message>
</context>
<context>
    <name>Switchboard::DesktopNotifier</name>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
</context>
<context>
    <name>Switchboard::EdgeItem</name>
    <message>
        <source>%1 → %2 (on &quot;%3&quot;)</source>
        <translation>%1 → %2 (por «%3»)</translation>
    </message>
</context>
<context>
    <name>Switchboard::EmbeddedOrchestrator</name>
    <message>
        <source>Embedded core · demo clinic</source>
        <translation>Núcleo integrado · clínica de demostración</translation>
    </message>
    <message>
        <source>Embedded core</source>
        <translation>Núcleo integrado</translation>
    </message>
</context>
<context>
    <name>Switchboard::ExecutionDetails</name>
    <message>
        <source>Show patient data</source>
        <translation>Mostrar datos del paciente</translation>
    </message>
    <message>
        <source>Cancel execution…</source>
        <translation>Cancelar ejecución…</translation>
    </message>
    <message>
        <source>Retry…</source>
        <translation>Reintentar…</translation>
    </message>
    <message>
        <source>Re-run from a step…</source>
        <translation>Repetir desde un paso…</translation>
    </message>
    <message>
        <source>Loading the workflow…</source>
        <translation>Cargando el flujo…</translation>
    </message>
    <message>
        <source>Show the names, dates of birth and other patient data in this execution. Who looked is recorded in the audit log.</source>
        <translation>Mostrar nombres, fechas de nacimiento y otros datos del paciente de esta ejecución. Quién los mira queda registrado en la auditoría.</translation>
    </message>
    <message>
        <source>Stop this execution; completed steps are not undone</source>
        <translation>Detener esta ejecución; los pasos completados no se deshacen</translation>
    </message>
    <message>
        <source>Start a new execution of the same version with the same input</source>
        <translation>Iniciar una ejecución nueva de la misma versión con la misma entrada</translation>
    </message>
    <message>
        <source>Run it again from one of its steps, with its input as it was or corrected; you see first which calls would be made again</source>
        <translation>Repetirla desde uno de sus pasos, con la entrada tal cual o corregida; antes verá qué llamadas se harían de nuevo</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Path taken</source>
        <translation>Camino seguido</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Select an execution to see its steps, timeline and history.</source>
        <translation>Seleccione una ejecución para ver sus pasos, su cronología y su historial.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (version %2) — &lt;span style=&quot;color:%3&quot;&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (versión %2) — &lt;span style=&quot;color:%3&quot;&gt;&lt;b&gt;%4&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Started %1, finished %2</source>
        <translation>Iniciada %1, terminada %2</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Iniciada %1</translation>
    </message>
    <message>
        <source>Why it failed: %1</source>
        <translation>Por qué falló: %1</translation>
    </message>
    <message>
        <source>Journey: %1</source>
        <translation>Recorrido: %1</translation>
    </message>
    <message>
        <source>Execution %1 · trace %2</source>
        <translation>Ejecución %1 · traza %2</translation>
    </message>
    <message>
        <source>Patient data is hidden (•••).</source>
        <translation>Los datos del paciente están ocultos (•••).</translation>
    </message>
    <message>
        <source>Patient data is hidden (•••): your role may not see it.</source>
        <translation>Los datos del paciente están ocultos (•••): su rol no puede verlos.</translation>
    </message>
    <message>
        <source>This version of the workflow cannot be drawn.</source>
        <translation>Esta versión del flujo no se puede dibujar.</translation>
    </message>
    <message>
        <source>↻ Retrying</source>
        <translation>↻ Reintentando</translation>
    </message>
    <message>
        <source>Select a step to see what it was given and what it gave.</source>
        <translation>Seleccione un paso para ver qué recibió y qué devolvió.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — calls %2 (%3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — llama a %2 (%3)</translation>
    </message>
    <message>
        <source>Tried %1 times.</source>
        <translation>Intentado %1 veces.</translation>
    </message>
    <message>
        <source>The module gave no clear answer; the step counts as done.</source>
        <translation>El módulo no dio una respuesta clara; el paso cuenta como hecho.</translation>
    </message>
    <message>
        <source>Idempotency key: %1</source>
        <translation>Clave de idempotencia: %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>result</source>
        <translation>resultado</translation>
    </message>
    <message>
        <source>undo sent</source>
        <translation>deshacer enviado</translation>
    </message>
    <message>
        <source>Cancel execution</source>
        <translation>Cancelar ejecución</translation>
    </message>
    <message>
        <source>Retry execution</source>
        <translation>Reintentar ejecución</translation>
    </message>
    <message>
        <source>Cancel execution %1? It stops where it is: steps already done are not undone, and its open review tasks are withdrawn.</source>
        <translation>¿Cancelar la ejecución %1? Se detiene donde está: los pasos ya hechos no se deshacen y sus tareas de revisión abiertas se retiran.</translation>
    </message>
    <message>
        <source>Start a new execution of the same workflow version with the same input as %1? Module calls are made again, under new idempotency keys.</source>
        <translation>¿Iniciar una ejecución nueva de la misma versión del flujo con la misma entrada que %1? Las llamadas a módulos se repiten, con claves de idempotencia nuevas.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Starting a retry…</source>
        <translation>Iniciando un reintento…</translation>
    </message>
    <message>
        <source>Showing the latest %1 of %2 events. The timeline shows them all.</source>
        <translation>Se muestran los últimos %1 de %2 eventos. La cronología los muestra todos.</translation>
    </message>
</context>
<context>
    <name>Switchboard::ExecutionTableModel</name>
    <message>
        <source>▶ Running</source>
        <translation>▶ En curso</translation>
    </message>
    <message>
        <source>‖ Waiting</source>
        <translation>‖ En espera</translation>
    </message>
    <message>
        <source>✓ Completed</source>
        <translation>✓ Completada</translation>
    </message>
    <message>
        <source>✕ Failed</source>
        <translation>✕ Fallida</translation>
    </message>
    <message>
        <source>– Cancelled</source>
        <translation>– Cancelada</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Flujo de trabajo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Why it failed</source>
        <translation>Por qué falló</translation>
    </message>
    <message>
        <source>%1 (v%2)</source>
        <translation>%1 (v%2)</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Module event</source>
        <translation>Evento de un módulo</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programación</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintento</translation>
    </message>
    <message>
        <source>Test run</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Started by</source>
        <translation>Iniciada por</translation>
    </message>
    <message>
        <source>Re-run from a step</source>
        <translation>Repetición desde un paso</translation>
    </message>
</context>
<context>
    <name>Switchboard::ExecutionsView</name>
    <message>
        <source>Executions</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completadas</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidas</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Canceladas</translation>
    </message>
    <message>
        <source>Show executions that are</source>
        <translation>Mostrar ejecuciones que están</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>No executions yet. They appear here as soon as a workflow starts, from an event, a schedule, a webhook or a test run.</source>
        <translation>Aún no hay ejecuciones. Aparecen aquí en cuanto un flujo empieza, por un evento, una programación, un webhook o una ejecución de prueba.</translation>
    </message>
    <message>
        <source>Retry started as execution %1.</source>
        <translation>Reintento iniciado como ejecución %1.</translation>
    </message>
    <message>
        <source>Execution %1 was cancelled.</source>
        <translation>La ejecución %1 se canceló.</translation>
    </message>
    <message>
        <source>%1 could not be retried: %2</source>
        <translation>No se pudo reintentar %1: %2</translation>
    </message>
    <message>
        <source>%1 could not be cancelled: %2</source>
        <translation>No se pudo cancelar %1: %2</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Mostrar más</translation>
    </message>
    <message>
        <source>Started by anything</source>
        <translation>Cualquier origen</translation>
    </message>
    <message>
        <source>Show executions started by</source>
        <translation>Mostrar ejecuciones iniciadas por</translation>
    </message>
    <message>
        <source>List %1 more executions</source>
        <translation>Listar %1 ejecuciones más</translation>
    </message>
    <message>
        <source>No executions match these filters.</source>
        <translation>Ninguna ejecución coincide con estos filtros.</translation>
    </message>
    <message>
        <source>Search: id, trace or patient</source>
        <translation>Id, traza o paciente</translation>
    </message>
    <message>
        <source>An execution id, a trace id, or a business key&apos;s value (P-1042, or patient_id=P-1042) is looked up in every stored execution; other text filters the listed ones by workflow.</source>
        <translation>Un id de ejecución, un id de traza o el valor de una clave de negocio (P-1042, o patient_id=P-1042) se busca en todas las ejecuciones guardadas; otro texto filtra las listadas por flujo.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Mensajes fallidos</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <source>Starting the re-run…</source>
        <translation>Iniciando la repetición…</translation>
    </message>
    <message>
        <source>Re-run started as execution %1.</source>
        <translation>Repetición iniciada como ejecución %1.</translation>
    </message>
    <message>
        <source>%1 could not be re-run: %2</source>
        <translation>%1 no se pudo repetir: %2</translation>
    </message>
    <message>
        <source>Show executions of the workflow</source>
        <translation>Mostrar ejecuciones del flujo</translation>
    </message>
    <message>
        <source>Every workflow</source>
        <translation>Todos los flujos</translation>
    </message>
    <message>
        <source>Show executions started in</source>
        <translation>Mostrar ejecuciones iniciadas en</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Cualquier fecha</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
</context>
<context>
    <name>Switchboard::FormJsonEditor</name>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Edit this setting as JSON text, or go back to the form</source>
        <translation>Editar este ajuste como texto JSON, o volver al formulario</translation>
    </message>
    <message>
        <source>Not valid JSON yet: %1 (at character %2)</source>
        <translation>Aún no es JSON válido: %1 (en el carácter %2)</translation>
    </message>
    <message>
        <source>This setting is an object ({ … }), not a list.</source>
        <translation>Este ajuste es un objeto ({ … }), no una lista.</translation>
    </message>
    <message>
        <source>This setting is a list ([ … ]), not an object.</source>
        <translation>Este ajuste es una lista ([ … ]), no un objeto.</translation>
    </message>
</context>
<context>
    <name>Switchboard::HealthBanner</name>
    <message>
        <source>Checking the clinic&apos;s modules…</source>
        <translation>Comprobando los módulos de la clínica…</translation>
    </message>
    <message>
        <source>The first health check is running.</source>
        <translation>La primera comprobación de estado está en curso.</translation>
    </message>
    <message>
        <source>All modules are responding normally.</source>
        <translation>Todos los módulos responden con normalidad.</translation>
    </message>
    <message>
        <source>A required setting is missing: %1.</source>
        <translation>Falta un ajuste obligatorio: %1.</translation>
    </message>
    <message>
        <source>%1 is down.</source>
        <translation>%1 está caído.</translation>
    </message>
    <message>
        <source>%1 is degraded.</source>
        <translation>%1 está degradado.</translation>
    </message>
    <message>
        <source>The patient journey is blocked.</source>
        <translation>El recorrido del paciente está bloqueado.</translation>
    </message>
    <message>
        <source>Open alerts: %1.</source>
        <translation>Alertas abiertas: %1.</translation>
    </message>
    <message>
        <source>System health: %1</source>
        <translation>Estado del sistema: %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::HistoryModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Iniciada</translation>
    </message>
    <message>
        <source>Picked up again</source>
        <translation>Retomada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Module call sent</source>
        <translation>Llamada al módulo enviada</translation>
    </message>
    <message>
        <source>Step done</source>
        <translation>Paso hecho</translation>
    </message>
    <message>
        <source>Step failed</source>
        <translation>Paso fallido</translation>
    </message>
    <message>
        <source>Retry scheduled</source>
        <translation>Reintento programado</translation>
    </message>
    <message>
        <source>No clear answer: the module may have done it, so it counts as done</source>
        <translation>Sin respuesta clara: el módulo puede haberlo hecho, así que cuenta como hecho</translation>
    </message>
    <message>
        <source>Sent to the dead-letter queue</source>
        <translation>Enviado a mensajes fallidos</translation>
    </message>
    <message>
        <source>Waiting for a timer</source>
        <translation>Esperando un temporizador</translation>
    </message>
    <message>
        <source>Timer fired</source>
        <translation>Temporizador cumplido</translation>
    </message>
    <message>
        <source>Waiting for an event</source>
        <translation>Esperando un evento</translation>
    </message>
    <message>
        <source>Event received</source>
        <translation>Evento recibido</translation>
    </message>
    <message>
        <source>Wait timed out</source>
        <translation>Espera agotada</translation>
    </message>
    <message>
        <source>Review task created</source>
        <translation>Tarea de revisión creada</translation>
    </message>
    <message>
        <source>Review decided</source>
        <translation>Revisión decidida</translation>
    </message>
    <message>
        <source>Continued after the review</source>
        <translation>Continuó tras la revisión</translation>
    </message>
    <message>
        <source>Branch arrived</source>
        <translation>Rama llegada</translation>
    </message>
    <message>
        <source>Undoing completed steps</source>
        <translation>Deshaciendo pasos completados</translation>
    </message>
    <message>
        <source>Undo call sent</source>
        <translation>Llamada para deshacer enviada</translation>
    </message>
    <message>
        <source>Step undone</source>
        <translation>Paso deshecho</translation>
    </message>
    <message>
        <source>Undo failed</source>
        <translation>Falló al deshacer</translation>
    </message>
    <message>
        <source>Starting another workflow</source>
        <translation>Iniciando otro flujo de trabajo</translation>
    </message>
    <message>
        <source>Another workflow started</source>
        <translation>Otro flujo de trabajo iniciado</translation>
    </message>
    <message>
        <source>The other workflow ended</source>
        <translation>El otro flujo de trabajo terminó</translation>
    </message>
</context>
<context>
    <name>Switchboard::Inspector</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Time limit (s)</source>
        <translation>Tiempo límite (s)</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>First retry after</source>
        <translation>Primer reintento tras</translation>
    </message>
    <message>
        <source>Undo with (JSON: module, action, payload)</source>
        <translation>Deshacer con (JSON: module, action, payload)</translation>
    </message>
    <message>
        <source>Otherwise</source>
        <translation>En otro caso</translation>
    </message>
    <message>
        <source>Wait for</source>
        <translation>Esperar</translation>
    </message>
    <message>
        <source>How many (mode n)</source>
        <translation>Cuántas (modo n)</translation>
    </message>
    <message>
        <source>Or until (expression)</source>
        <translation>O hasta (expresión)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>From module</source>
        <translation>Del módulo</translation>
    </message>
    <message>
        <source>Matching (expression)</source>
        <translation>Que cumpla (expresión)</translation>
    </message>
    <message>
        <source>Give up after</source>
        <translation>Abandonar tras</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Who decides</source>
        <translation>Quién decide</translation>
    </message>
    <message>
        <source>Task title (template)</source>
        <translation>Título de la tarea (plantilla)</translation>
    </message>
    <message>
        <source>Decide within</source>
        <translation>Decidir en</translation>
    </message>
    <message>
        <source>Decisions (comma-separated)</source>
        <translation>Decisiones (separadas por comas)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Message (template)</source>
        <translation>Mensaje (plantilla)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Ends as</source>
        <translation>Termina como</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
    <message>
        <source>Workflow settings</source>
        <translation>Ajustes del flujo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Empieza</translation>
    </message>
    <message>
        <source>On event</source>
        <translation>Con el evento</translation>
    </message>
    <message>
        <source>Schedule (cron)</source>
        <translation>Horario (cron)</translation>
    </message>
    <message>
        <source>Webhook path</source>
        <translation>Ruta del webhook</translation>
    </message>
    <message>
        <source>Step &quot;%1&quot;</source>
        <translation>Paso «%1»</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— ninguno —</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predeterminado</translation>
    </message>
    <message>
        <source>Templates may use %1</source>
        <translation>Las plantillas pueden usar %1</translation>
    </message>
    <message>
        <source>e.g. input.score &gt; 8</source>
        <translation>p. ej. input.score &gt; 8</translation>
    </message>
    <message>
        <source>e.g. Hello {{ input.first_name }}</source>
        <translation>p. ej. Hola {{ input.first_name }}</translation>
    </message>
    <message>
        <source>Can use %1</source>
        <translation>Puede usar %1</translation>
    </message>
    <message>
        <source>e.g. 30s, 15m, 4h, 7d</source>
        <translation>p. ej. 30s, 15m, 4h, 7d</translation>
    </message>
    <message>
        <source>Not valid JSON yet: %1 (at character %2)</source>
        <translation>Aún no es JSON válido: %1 (en el carácter %2)</translation>
    </message>
    <message>
        <source>Not a duration: write a number and a unit, e.g. 30s, 15m, 4h, 7d</source>
        <translation>No es una duración: escriba un número y una unidad, p. ej. 30s, 15m, 4h, 7d</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Campos del formulario</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Lower-case letters, digits and _; other steps read this one as steps.&lt;id&gt;, and they follow a rename</source>
        <translation>Minúsculas, dígitos y _; los demás pasos leen este como steps.&lt;id&gt; y siguen el cambio de nombre</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>Envía</translation>
    </message>
    <message>
        <source>Ways out, tried in order</source>
        <translation>Salidas, probadas en orden</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Workflow to run</source>
        <translation>Flujo que se ejecuta</translation>
    </message>
    <message>
        <source>Gives it</source>
        <translation>Le pasa</translation>
    </message>
    <message>
        <source>Wait for it to end</source>
        <translation>Esperar a que termine</translation>
    </message>
    <message>
        <source>Choose a published workflow</source>
        <translation>Elija un flujo publicado</translation>
    </message>
</context>
<context>
    <name>Switchboard::JourneyView</name>
    <message>
        <source>Show journey</source>
        <translation>Ver recorrido</translation>
    </message>
    <message>
        <source>Business key</source>
        <translation>Clave de negocio</translation>
    </message>
    <message>
        <source>e.g. P-1042</source>
        <translation>p. ej. P-1042</translation>
    </message>
    <message>
        <source>Value of the key</source>
        <translation>Valor de la clave</translation>
    </message>
    <message>
        <source>Every run for one patient, appointment or invoice, across all workflows. Workflows name the keys they carry in their settings.</source>
        <translation>Todas las ejecuciones de un paciente, cita o factura, en todos los flujos. Los flujos indican en su configuración las claves que llevan.</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clave:</translation>
    </message>
    <message>
        <source>Enter a key and the value to follow.</source>
        <translation>Escriba una clave y el valor que quiere seguir.</translation>
    </message>
    <message>
        <source>Looking for %1 = %2…</source>
        <translation>Buscando %1 = %2…</translation>
    </message>
    <message>
        <source>No execution carries %1 = %2.</source>
        <translation>Ninguna ejecución lleva %1 = %2.</translation>
    </message>
    <message>
        <source>%1 = %2: %3, %4 failed, %5 still going. Oldest first.</source>
        <translation>%1 = %2: %3, %4 fallidas, %5 en curso. Primero las más antiguas.</translation>
    </message>
    <message>
        <source>1 execution</source>
        <translation>1 ejecución</translation>
    </message>
    <message>
        <source>%1 executions</source>
        <translation>%1 ejecuciones</translation>
    </message>
</context>
<context>
    <name>Switchboard::JsonTree</name>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>Copiar como JSON</translation>
    </message>
    <message>
        <source>(value)</source>
        <translation>(valor)</translation>
    </message>
    <message>
        <source>1 field</source>
        <translation>1 campo</translation>
    </message>
    <message>
        <source>%1 fields</source>
        <translation>%1 campos</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 elemento</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 elementos</translation>
    </message>
    <message>
        <source>••• (patient data, hidden)</source>
        <translation>••• (dato del paciente, oculto)</translation>
    </message>
    <message>
        <source>true</source>
        <translation>verdadero</translation>
    </message>
    <message>
        <source>false</source>
        <translation>falso</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
</context>
<context>
    <name>Switchboard::KpiRow</name>
    <message>
        <source>Not reported yet</source>
        <translation>Aún sin datos</translation>
    </message>
    <message>
        <source>Below target (%1)</source>
        <translation>Por debajo del objetivo (%1)</translation>
    </message>
    <message>
        <source>Above limit (%1)</source>
        <translation>Por encima del límite (%1)</translation>
    </message>
    <message>
        <source>On target</source>
        <translation>En objetivo</translation>
    </message>
    <message>
        <source>No target set</source>
        <translation>Sin objetivo</translation>
    </message>
    <message>
        <source>Set a target with KPI_THRESHOLDS_JSON, e.g. {&quot;%1&quot;: …}</source>
        <translation>Fije un objetivo con KPI_THRESHOLDS_JSON, p. ej. {&quot;%1&quot;: …}</translation>
    </message>
    <message>
        <source>Same as the week before</source>
        <translation>Igual que la semana anterior</translation>
    </message>
    <message>
        <source>▲ %1 % on the week before</source>
        <translation>▲ %1 % respecto a la semana anterior</translation>
    </message>
    <message>
        <source>▼ %1 % on the week before</source>
        <translation>▼ %1 % respecto a la semana anterior</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>No disponible</translation>
    </message>
</context>
<context>
    <name>Switchboard::KpiTargets</name>
    <message>
        <source>US dollars</source>
        <translation>dólares (EE. UU.)</translation>
    </message>
    <message>
        <source>0 to 10</source>
        <translation>de 0 a 10</translation>
    </message>
    <message>
        <source>Leave a box empty for no target. A figure outside its targets shows on its card and raises a warning.</source>
        <translation>Deje una casilla vacía para no fijar objetivo. Un indicador fuera de sus objetivos se ve en su tarjeta y genera un aviso.</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>Como mínimo</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Como máximo</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>como mínimo</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>como máximo</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>sin objetivo</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Set in %1: change it there.</source>
        <translation>Definido en %1: cámbielo allí.</translation>
    </message>
    <message>
        <source>“%1” is not a number for %2</source>
        <translation>«%1» no es un número para %2</translation>
    </message>
    <message>
        <source>Saved and in effect.</source>
        <translation>Guardado y en vigor.</translation>
    </message>
</context>
<context>
    <name>Switchboard::KpiTrendPanel</name>
    <message>
        <source>Figure shown in the trend</source>
        <translation>Cifra mostrada en la tendencia</translation>
    </message>
    <message>
        <source>Leads and bookings (24 h)</source>
        <translation>Contactos y reservas (24 h)</translation>
    </message>
    <message>
        <source>No readings for this period yet. The core keeps one reading of each figure an hour, so the trend fills in as it runs.</source>
        <translation>Aún no hay lecturas para este periodo. El núcleo guarda una lectura de cada cifra por hora, así que la tendencia se completa con el tiempo.</translation>
    </message>
    <message>
        <source>Trend of the selected key figure</source>
        <translation>Tendencia de la cifra clave seleccionada</translation>
    </message>
    <message>
        <source>%1: target at least %2</source>
        <translation>%1: objetivo mínimo %2</translation>
    </message>
    <message>
        <source>%1: limit %2</source>
        <translation>%1: límite %2</translation>
    </message>
    <message>
        <source>US dollars in 24 hours</source>
        <translation>dólares (EE. UU.) en 24 horas</translation>
    </message>
    <message>
        <source>score, 0 to 10</source>
        <translation>puntuación, de 0 a 10</translation>
    </message>
    <message>
        <source>number in 24 hours</source>
        <translation>cantidad en 24 horas</translation>
    </message>
</context>
<context>
    <name>Switchboard::LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Log in to %1</source>
        <translation>Iniciar sesión en %1</translation>
    </message>
    <message>
        <source>Log in with the name and password your clinic&apos;s administrator gave you.</source>
        <translation>Inicie sesión con el nombre y la contraseña que le dio el administrador de la clínica.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Type your name and your password.</source>
        <translation>Escriba su nombre y su contraseña.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
</context>
<context>
    <name>Switchboard::MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Flujos de trabajo</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Ejecuciones</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Core stopped: %1</source>
        <translation>Núcleo detenido: %1</translation>
    </message>
    <message>
        <source>Switchboard could not start</source>
        <translation>Switchboard no pudo iniciarse</translation>
    </message>
    <message>
        <source>The orchestration core could not start:

%1

Check the configuration and start Switchboard again.</source>
        <translation>El núcleo de orquestación no pudo iniciarse:

%1

Revise la configuración e inicie Switchboard de nuevo.</translation>
    </message>
    <message>
        <source>Check all modules now</source>
        <translation>Comprobar todos los módulos ahora</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Producción</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Preproducción</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Desarrollo</translation>
    </message>
    <message>
        <source>%1 — %2 · Switchboard</source>
        <translation>%1 — %2 · Switchboard</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>Alertas (%1)</translation>
    </message>
    <message>
        <source>Last check: %1</source>
        <translation>Última comprobación: %1</translation>
    </message>
    <message>
        <source>Last check: running…</source>
        <translation>Última comprobación: en curso…</translation>
    </message>
    <message>
        <source>Open the selected module tile</source>
        <translation>Abrir la ficha del módulo seleccionado</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Esta lista</translation>
    </message>
    <message>
        <source>Dead letters: %1</source>
        <translation>Mensajes fallidos: %1</translation>
    </message>
    <message>
        <source>Export dashboard report…</source>
        <translation>Exportar informe del panel…</translation>
    </message>
    <message>
        <source>clinic-report-%1.html</source>
        <translation>informe-clinica-%1.html</translation>
    </message>
    <message>
        <source>Export dashboard report</source>
        <translation>Exportar informe del panel</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Página web (*.html)</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Preparando el informe…</translation>
    </message>
    <message>
        <source>The report could not be saved to %1: %2</source>
        <translation>No se pudo guardar el informe en %1: %2</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>Informe no guardado</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Informe guardado en %1</translation>
    </message>
    <message>
        <source>the orchestration core is not running yet; try again in a moment</source>
        <translation>el núcleo de orquestación aún no está en marcha; inténtelo de nuevo en un momento</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Review (%1)</source>
        <translation>Revisión (%1)</translation>
    </message>
    <message>
        <source>Review: next or previous task</source>
        <translation>Revisión: tarea siguiente o anterior</translation>
    </message>
    <message>
        <source>Review: claim or release the task</source>
        <translation>Revisión: tomar o soltar la tarea</translation>
    </message>
    <message>
        <source>Review: edit the first field</source>
        <translation>Revisión: editar el primer campo</translation>
    </message>
    <message>
        <source>Review: approve (the first decision)</source>
        <translation>Revisión: aprobar (la primera decisión)</translation>
    </message>
    <message>
        <source>Review: the other decisions, in button order</source>
        <translation>Revisión: las demás decisiones, en el orden de los botones</translation>
    </message>
    <message>
        <source>Review: filter the tasks</source>
        <translation>Revisión: filtrar las tareas</translation>
    </message>
    <message>
        <source>Workflows: undo, redo</source>
        <translation>Flujos: deshacer, rehacer</translation>
    </message>
    <message>
        <source>Workflows: delete the selected steps or connections</source>
        <translation>Flujos: eliminar los pasos o conexiones seleccionados</translation>
    </message>
    <message>
        <source>Workflows: copy and paste steps, also between workflows</source>
        <translation>Flujos: copiar y pegar pasos, también entre flujos</translation>
    </message>
    <message>
        <source>Workflows: select every step</source>
        <translation>Flujos: seleccionar todos los pasos</translation>
    </message>
    <message>
        <source>Workflows: zoom in, out, fit</source>
        <translation>Flujos: acercar, alejar, ajustar</translation>
    </message>
    <message>
        <source>Workflows: pan, zoom</source>
        <translation>Flujos: desplazar, ampliar</translation>
    </message>
    <message>
        <source>Workflows: arrange the steps</source>
        <translation>Flujos: ordenar los pasos</translation>
    </message>
    <message>
        <source>Workflows: insert the step chosen in the palette</source>
        <translation>Flujos: insertar el paso elegido en la paleta</translation>
    </message>
    <message>
        <source>Workflows: save the draft</source>
        <translation>Flujos: guardar el borrador</translation>
    </message>
    <message>
        <source>Alerts (%1 new)</source>
        <translation>Alertas (%1 nuevas)</translation>
    </message>
    <message>
        <source>Critical alert: %1. Open Alerts (Ctrl+5).</source>
        <translation>Alerta crítica: %1. Abra Alertas (Ctrl+5).</translation>
    </message>
    <message>
        <source>Alerts: acknowledge, resolve the selected alerts</source>
        <translation>Alertas: reconocer, resolver las seleccionadas</translation>
    </message>
    <message>
        <source>Alerts: snooze, silence</source>
        <translation>Alertas: posponer, silenciar</translation>
    </message>
    <message>
        <source>Alerts: search</source>
        <translation>Alertas: buscar</translation>
    </message>
    <message>
        <source>Module calls that failed after every retry: open them to send them again or set them aside.</source>
        <translation>Llamadas a módulos que fallaron tras todos los reintentos: ábralas para reenviarlas o apartarlas.</translation>
    </message>
    <message>
        <source>Dead letters (%1)</source>
        <translation>Mensajes fallidos (%1)</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Mensajes fallidos</translation>
    </message>
    <message>
        <source>Connect to a clinic…</source>
        <translation>Conectar con una clínica…</translation>
    </message>
    <message>
        <source>%1 What you see is from %2 and is not being updated; changes cannot be made until the link is back.</source>
        <translation>%1 Lo que ve es de las %2 y no se está actualizando; no se pueden hacer cambios hasta que vuelva la conexión.</translation>
    </message>
</context>
<context>
    <name>Switchboard::Minimap</name>
    <message>
        <source>Overview of the whole workflow</source>
        <translation>Vista general de todo el flujo</translation>
    </message>
    <message>
        <source>The whole workflow: click or drag to move the canvas there</source>
        <translation>Todo el flujo: haga clic o arrastre para mover el lienzo allí</translation>
    </message>
</context>
<context>
    <name>Switchboard::ModuleAddresses</name>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Switches the module&apos;s checks, alerts and calls on or off</source>
        <translation>Activa o desactiva las comprobaciones, alertas y llamadas del módulo</translation>
    </message>
    <message>
        <source>%1 in the env file</source>
        <translation>%1 en el archivo env</translation>
    </message>
    <message>
        <source>Double-click an address to change it. The health address may be left empty: the module&apos;s address followed by /health. A time limit left empty follows the health check&apos;s.</source>
        <translation>Haga doble clic en una dirección para cambiarla. La dirección de salud puede quedar vacía: la del módulo seguida de /health. Un límite de tiempo vacío sigue el de la comprobación de salud.</translation>
    </message>
    <message>
        <source>Set in %1: change it there.</source>
        <translation>Definido en %1: cámbielo allí.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Saved and in effect.</source>
        <translation>Guardado y en vigor.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Health URL</source>
        <translation>URL de salud</translation>
    </message>
    <message>
        <source>Limit (s)</source>
        <translation>Límite (s)</translation>
    </message>
    <message>
        <source>Where the module&apos;s health is read; empty: its address followed by /health</source>
        <translation>Dónde se lee el estado del módulo; vacía: su dirección seguida de /health</translation>
    </message>
    <message>
        <source>How long a call to the module may take, in seconds; empty: the health check&apos;s</source>
        <translation>Cuánto puede tardar una llamada al módulo, en segundos; vacío: el de la comprobación de salud</translation>
    </message>
    <message>
        <source>Credential…</source>
        <translation>Credencial…</translation>
    </message>
    <message>
        <source>The API key or token Switchboard sends to the selected module</source>
        <translation>La clave de API o el token que Switchboard envía al módulo seleccionado</translation>
    </message>
    <message>
        <source>Choose a module and press Credential… to give it the API key or token Switchboard sends it.</source>
        <translation>Elija un módulo y pulse Credencial… para darle la clave de API o el token que Switchboard le envía.</translation>
    </message>
</context>
<context>
    <name>Switchboard::ModuleHistoryPanel</name>
    <message>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>95 % within</source>
        <translation>95 % en menos de</translation>
    </message>
    <message>
        <source>99 % within</source>
        <translation>99 % en menos de</translation>
    </message>
    <message>
        <source>Response time of the health checks, per hour</source>
        <translation>Tiempo de respuesta de las comprobaciones, por hora</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Ejecución</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Recent calls to the module</source>
        <translation>Llamadas recientes al módulo</translation>
    </message>
    <message>
        <source>Recent calls from workflows, newest first</source>
        <translation>Llamadas recientes de los flujos, las más nuevas primero</translation>
    </message>
    <message>
        <source>No checks kept for this period yet.</source>
        <translation>Aún no hay comprobaciones guardadas para este periodo.</translation>
    </message>
    <message>
        <source>In the last 24 hours</source>
        <translation>En las últimas 24 horas</translation>
    </message>
    <message>
        <source>In the last %1 days</source>
        <translation>En los últimos %1 días</translation>
    </message>
    <message>
        <source>%1: %2 checks, %3 unanswered (%4 %).</source>
        <translation>%1: %2 comprobaciones, %3 sin respuesta (%4 %).</translation>
    </message>
    <message>
        <source>Down in %1 of those hours, degraded in %2.</source>
        <translation>Caído en %1 de esas horas, degradado en %2.</translation>
    </message>
    <message>
        <source>Never down or degraded.</source>
        <translation>Nunca caído ni degradado.</translation>
    </message>
    <message>
        <source>Calls since the core started: %1 answered, %2 failed, %3 not sent (error rate %4 %).</source>
        <translation>Llamadas desde que arrancó el núcleo: %1 respondidas, %2 fallidas, %3 no enviadas (tasa de error %4 %).</translation>
    </message>
    <message>
        <source>✓ Answered</source>
        <translation>✓ Respondida</translation>
    </message>
    <message>
        <source>✕ Failed</source>
        <translation>✕ Fallida</translation>
    </message>
    <message>
        <source>– Not sent</source>
        <translation>– No enviada</translation>
    </message>
    <message>
        <source>Enter or double-click to open the execution</source>
        <translation>Pulse Intro o haga doble clic para abrir la ejecución</translation>
    </message>
</context>
<context>
    <name>Switchboard::ModuleTableModel</name>
    <message>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Errors (24 h)</source>
        <translation>Errores (24 h)</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Event feed</source>
        <translation>Flujo de eventos</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sin respuesta</translation>
    </message>
    <message>
        <source>&lt; 1 ms</source>
        <translation>&lt; 1 ms</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Response-time trend appears after a few checks</source>
        <translation>La tendencia aparece tras unas comprobaciones</translation>
    </message>
    <message>
        <source>○ No event feed</source>
        <translation>○ Sin flujo de eventos</translation>
    </message>
    <message>
        <source>● Live events</source>
        <translation>● Eventos en directo</translation>
    </message>
    <message>
        <source>○ Event feed disconnected</source>
        <translation>○ Flujo de eventos desconectado</translation>
    </message>
    <message>
        <source>⚡ Circuit open</source>
        <translation>⚡ Circuito abierto</translation>
    </message>
    <message>
        <source>⚡ Circuit half-open</source>
        <translation>⚡ Circuito semiabierto</translation>
    </message>
    <message>
        <source>Switched off in the settings</source>
        <translation>Desactivado en los ajustes</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Aún sin comprobar</translation>
    </message>
    <message>
        <source>No answer for %1</source>
        <translation>Sin respuesta desde hace %1</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>1 error in 24 h</source>
        <translation>1 error en 24 h</translation>
    </message>
    <message>
        <source>%1 errors in 24 h</source>
        <translation>%1 errores en 24 h</translation>
    </message>
    <message>
        <source>%1 · %2 · last run %3</source>
        <translation>%1 · %2 · actividad %3</translation>
    </message>
</context>
<context>
    <name>Switchboard::ModulesView</name>
    <message>
        <source>Check now</source>
        <translation>Comprobar ahora</translation>
    </message>
    <message>
        <source>Run a health check of the selected module now (F5 checks all).</source>
        <translation>Comprobar ahora el estado del módulo seleccionado (F5 comprueba todos).</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <source>Select a module to see its details.</source>
        <translation>Seleccione un módulo para ver sus detalles.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Last check: %1 · Status since: %2 · Last run: %3</source>
        <translation>Última comprobación: %1 · Estado desde: %2 · Última ejecución: %3</translation>
    </message>
    <message>
        <source>Version: %1 · Up for: %2 h · Events seen: %3 · On the patient journey: %4</source>
        <translation>Versión: %1 · En marcha: %2 h · Eventos vistos: %3 · En el recorrido del paciente: %4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Reset circuit breaker</source>
        <translation>Restablecer el cortacircuitos</translation>
    </message>
    <message>
        <source>Close the selected module&apos;s circuit breaker so calls go to it again at once.</source>
        <translation>Cierra el cortacircuitos del módulo seleccionado para que las llamadas vuelvan a llegarle de inmediato.</translation>
    </message>
    <message>
        <source>No response times yet.</source>
        <translation>Aún no hay tiempos de respuesta.</translation>
    </message>
    <message numerus="yes">
        <source>Recent checks: %n, none answered.</source>
        <translation>
            <numerusform>Comprobaciones recientes: %n, ninguna respondida.</numerusform>
            <numerusform>Comprobaciones recientes: %n, ninguna respondida.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recent checks: %n · response time: median %1 ms · 95% within %2 ms · 99% within %3 ms</source>
        <translation>
            <numerusform>Comprobaciones recientes: %n · tiempo de respuesta: mediana %1 ms · 95% en menos de %2 ms · 99% en menos de %3 ms</numerusform>
            <numerusform>Comprobaciones recientes: %n · tiempo de respuesta: mediana %1 ms · 95% en menos de %2 ms · 99% en menos de %3 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · unanswered: %n</source>
        <translation>
            <numerusform> · sin respuesta: %n</numerusform>
            <numerusform> · sin respuesta: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Circuit breaker: closed, no changes since the core started.</source>
        <translation>Cortacircuitos: cerrado, sin cambios desde que arrancó el núcleo.</translation>
    </message>
    <message>
        <source>opened %1</source>
        <translation>abierto %1</translation>
    </message>
    <message>
        <source>testing again %1</source>
        <translation>probando de nuevo %1</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>cerrado %1</translation>
    </message>
    <message>
        <source>Circuit breaker, newest first: %1</source>
        <translation>Cortacircuitos, lo más reciente primero: %1</translation>
    </message>
    <message>
        <source>Disable module</source>
        <translation>Desactivar módulo</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>Dependencias</translation>
    </message>
    <message>
        <source>History and calls</source>
        <translation>Historial y llamadas</translation>
    </message>
    <message>
        <source>workflows that stop: %1</source>
        <translation>flujos que se detienen: %1</translation>
    </message>
    <message>
        <source>modules that get no work from it: %1</source>
        <translation>módulos que dejan de recibir trabajo: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;the patient journey is blocked&lt;/b&gt;</source>
        <translation>&lt;b&gt;el recorrido del paciente está bloqueado&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 is down, but no published workflow depends on it.</source>
        <translation>%1 está caído, pero ningún flujo publicado depende de él.</translation>
    </message>
    <message>
        <source>If %1 stops, no published workflow is affected.</source>
        <translation>Si %1 se detiene, ningún flujo publicado se ve afectado.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is down.&lt;/b&gt; Impact now:</source>
        <translation>&lt;b&gt;%1 está caído.&lt;/b&gt; Impacto ahora:</translation>
    </message>
    <message>
        <source>If %1 stops:</source>
        <translation>Si %1 se detiene:</translation>
    </message>
    <message>
        <source>Disable %1? Its health checks and alerts stop until you enable it again. Workflows that call it are not changed.</source>
        <translation>¿Desactivar %1? Sus comprobaciones y alertas se detienen hasta que lo vuelva a activar. Los flujos que lo llaman no cambian.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Enable module</source>
        <translation>Activar módulo</translation>
    </message>
    <message>
        <source>Stop checking this module and raising its alerts.</source>
        <translation>Dejar de comprobar este módulo y de generar sus alertas.</translation>
    </message>
    <message>
        <source>Check this module and raise its alerts again.</source>
        <translation>Volver a comprobar este módulo y generar sus alertas.</translation>
    </message>
    <message>
        <source>Configuration: %1 · endpoint %2 · calls time out after %3 s</source>
        <translation>Configuración: %1 · dirección %2 · las llamadas caducan a los %3 s</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>activado</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
</context>
<context>
    <name>Switchboard::NodeItem</name>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Module call</source>
        <translation>Llamada a módulo</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condición</translation>
    </message>
    <message>
        <source>Parallel</source>
        <translation>En paralelo</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unión</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Retardo</translation>
    </message>
    <message>
        <source>Wait for event</source>
        <translation>Esperar un evento</translation>
    </message>
    <message>
        <source>Human review</source>
        <translation>Revisión humana</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Avisar</translation>
    </message>
    <message>
        <source>Set values</source>
        <translation>Fijar valores</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>not reached yet</source>
        <translation>aún no alcanzado</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>reintentando</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>esperando</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>not taken</source>
        <translation>no tomado</translation>
    </message>
    <message>
        <source>No module chosen</source>
        <translation>Sin módulo elegido</translation>
    </message>
    <message>
        <source>No action chosen</source>
        <translation>Sin acción elegida</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta %1</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>durante %1</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>cola %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>por %1</translation>
    </message>
    <message>
        <source>the first branch</source>
        <translation>la primera rama</translation>
    </message>
    <message>
        <source>every branch</source>
        <translation>todas las ramas</translation>
    </message>
    <message>
        <source>%1 ways out</source>
        <translation>%1 salidas</translation>
    </message>
    <message>
        <source>as failed</source>
        <translation>como fallido</translation>
    </message>
    <message>
        <source>as completed</source>
        <translation>como completado</translation>
    </message>
    <message>
        <source>next</source>
        <translation>siguiente</translation>
    </message>
    <message>
        <source>if it fails</source>
        <translation>si falla</translation>
    </message>
    <message>
        <source>if time runs out</source>
        <translation>si se acaba el tiempo</translation>
    </message>
    <message>
        <source>Run a workflow</source>
        <translation>Ejecutar un flujo</translation>
    </message>
    <message>
        <source>No workflow chosen</source>
        <translation>Ningún flujo elegido</translation>
    </message>
    <message>
        <source>%1, waits</source>
        <translation>%1, espera</translation>
    </message>
    <message>
        <source>%1, goes on</source>
        <translation>%1, continúa</translation>
    </message>
</context>
<context>
    <name>Switchboard::PaletteModel</name>
    <message>
        <source>Flow</source>
        <translation>Flujo</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Where a run begins; one per workflow</source>
        <translation>Donde empieza una ejecución; uno por flujo</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condición</translation>
    </message>
    <message>
        <source>Go one way or another by an expression</source>
        <translation>Seguir un camino u otro según una expresión</translation>
    </message>
    <message>
        <source>Parallel</source>
        <translation>En paralelo</translation>
    </message>
    <message>
        <source>Do several things at once</source>
        <translation>Hacer varias cosas a la vez</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unión</translation>
    </message>
    <message>
        <source>Wait for parallel branches to finish</source>
        <translation>Esperar a que terminen las ramas en paralelo</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Retardo</translation>
    </message>
    <message>
        <source>Wait for a while (durable: survives restarts)</source>
        <translation>Esperar un tiempo (duradero: sobrevive a reinicios)</translation>
    </message>
    <message>
        <source>Wait for event</source>
        <translation>Esperar un evento</translation>
    </message>
    <message>
        <source>Wait for a module&apos;s event, with a time limit</source>
        <translation>Esperar un evento de un módulo, con tiempo límite</translation>
    </message>
    <message>
        <source>Set values</source>
        <translation>Fijar valores</translation>
    </message>
    <message>
        <source>Remember values for later steps</source>
        <translation>Guardar valores para pasos posteriores</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>The run ends here</source>
        <translation>La ejecución termina aquí</translation>
    </message>
    <message>
        <source>People and messages</source>
        <translation>Personas y mensajes</translation>
    </message>
    <message>
        <source>Human review</source>
        <translation>Revisión humana</translation>
    </message>
    <message>
        <source>A person checks and decides, in a review queue</source>
        <translation>Una persona revisa y decide, en una cola de revisión</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Avisar</translation>
    </message>
    <message>
        <source>Tell the staff: console, e-mail, Slack, SMS…</source>
        <translation>Avisar al personal: consola, correo, Slack, SMS…</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <source>Call %1: %2 (%3)</source>
        <translation>Llamar a %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Run a workflow</source>
        <translation>Ejecutar un flujo</translation>
    </message>
    <message>
        <source>Run another published workflow, and wait for its result</source>
        <translation>Ejecutar otro flujo publicado y esperar su resultado</translation>
    </message>
</context>
<context>
    <name>Switchboard::PathView</name>
    <message>
        <source>The workflow with the path this execution took</source>
        <translation>El flujo con el camino que siguió esta ejecución</translation>
    </message>
</context>
<context>
    <name>Switchboard::PayloadEditor</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Values may read the input and earlier steps: {{ input.&lt;name&gt; }}, {{ steps.&lt;step&gt;.output.&lt;name&gt; }}. Type to see what the last test run had.</source>
        <translation>Los valores pueden leer la entrada y los pasos anteriores: {{ input.&lt;nombre&gt; }}, {{ steps.&lt;paso&gt;.output.&lt;nombre&gt; }}. Escriba para ver lo que tuvo la última prueba.</translation>
    </message>
    <message>
        <source>Add a value</source>
        <translation>Añadir valor</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Value %1 needs a name.</source>
        <translation>El valor %1 necesita un nombre.</translation>
    </message>
    <message>
        <source>Two values are named &quot;%1&quot;.</source>
        <translation>Dos valores se llaman «%1».</translation>
    </message>
</context>
<context>
    <name>Switchboard::PeoplePage</name>
    <message>
        <source>Add a person…</source>
        <translation>Añadir una persona…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Desactivar…</translation>
    </message>
    <message>
        <source>New password…</source>
        <translation>Contraseña nueva…</translation>
    </message>
    <message>
        <source>The people who log in to this clinic&apos;s core from another desk or through the API, each with a role. Their name is shown on what they claim, decide and acknowledge.</source>
        <translation>Las personas que entran en el núcleo de esta clínica desde otro puesto o mediante la API, cada una con un rol. Su nombre aparece en lo que toman, deciden y confirman.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Review queues</source>
        <translation>Colas de revisión</translation>
    </message>
    <message>
        <source>Last log-in</source>
        <translation>Último acceso</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Set a new password; they are logged out everywhere</source>
        <translation>Poner una contraseña nueva; se cierran todas sus sesiones</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Con sesión abierta</translation>
    </message>
    <message>
        <source>May log in</source>
        <translation>Puede entrar</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Sessions open now: %1</source>
        <translation>Sesiones abiertas ahora: %1</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>¿Desactivar a %1?</translation>
    </message>
    <message>
        <source>%1 is logged out everywhere and cannot log in until enabled again. What they claimed stays claimed.</source>
        <translation>Se cierran todas las sesiones de %1 y no podrá entrar hasta que se active de nuevo. Lo que haya tomado sigue tomado.</translation>
    </message>
    <message>
        <source>Saved: %1.</source>
        <translation>Guardado: %1.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>No se hizo: %1</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Nobody logs in to this core yet. Add the clinic&apos;s staff who work from other desks, each with the role their work needs.</source>
        <translation>Todavía nadie entra en este núcleo. Añada al personal de la clínica que trabaja desde otros puestos, cada persona con el rol que necesita su trabajo.</translation>
    </message>
</context>
<context>
    <name>Switchboard::PeriodPicker</name>
    <message>
        <source>24 hours</source>
        <translation>24 horas</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 días</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 días</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>Mostrar las últimas %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::PersonDialog</name>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Cambiar a %1</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>Contraseña nueva para %1</translation>
    </message>
    <message>
        <source>What they type to log in: &quot;ana.ruiz&quot;</source>
        <translation>Lo que escribe para entrar: «ana.ruiz»</translation>
    </message>
    <message>
        <source>All review queues</source>
        <translation>Todas las colas de revisión</translation>
    </message>
    <message>
        <source>For support staff: the review queues they work, separated by commas. Empty: all of them.</source>
        <translation>Para el personal de soporte: las colas de revisión que atiende, separadas por comas. Vacío: todas.</translation>
    </message>
    <message numerus="yes">
        <source>%n characters at least</source>
        <translation>
            <numerusform>%n carácter como mínimo</numerusform>
            <numerusform>%n caracteres como mínimo</numerusform>
        </translation>
    </message>
    <message>
        <source>Log-in name:</source>
        <translation>Nombre de acceso:</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Nombre visible:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <source>Review queues:</source>
        <translation>Colas de revisión:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Repítala:</translation>
    </message>
    <message>
        <source>They are logged out everywhere and log in again with the new password. Give it to them in person.</source>
        <translation>Se cierran todas sus sesiones y vuelve a entrar con la contraseña nueva. Entréguesela en persona.</translation>
    </message>
    <message>
        <source>Changing the role logs them out everywhere; the new role applies when they log in again.</source>
        <translation>Cambiar el rol cierra todas sus sesiones; el rol nuevo se aplica cuando vuelva a entrar.</translation>
    </message>
    <message>
        <source>Give the name they log in with.</source>
        <translation>Indique el nombre con el que entra.</translation>
    </message>
    <message>
        <source>A log-in name is lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, with no spaces.</source>
        <translation>Un nombre de acceso lleva minúsculas, cifras, «.», «_» o «-», sin espacios.</translation>
    </message>
    <message>
        <source>Give the name the console shows for them.</source>
        <translation>Indique el nombre que la consola muestra para esta persona.</translation>
    </message>
    <message>
        <source>Nothing is changed yet.</source>
        <translation>Aún no ha cambiado nada.</translation>
    </message>
    <message numerus="yes">
        <source>The password needs %n characters at least.</source>
        <translation>
            <numerusform>La contraseña necesita %n carácter como mínimo.</numerusform>
            <numerusform>La contraseña necesita %n caracteres como mínimo.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password may not be the log-in name.</source>
        <translation>La contraseña no puede ser el nombre de acceso.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>As the console shows it: &quot;Ana Ruiz&quot;</source>
        <translation>Como lo muestra la consola: «Ana Ruiz»</translation>
    </message>
</context>
<context>
    <name>Switchboard::QueueListModel</name>
    <message>
        <source>All queues</source>
        <translation>Todas las colas</translation>
    </message>
    <message>
        <source>%1 — empty</source>
        <translation>%1 — vacía</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 (%2)
oldest waiting %3</source>
        <translation>%1 (%2)
la más antigua espera %3</translation>
    </message>
</context>
<context>
    <name>Switchboard::RemoteOrchestrator</name>
    <message>
        <source>Your session on %1 has ended. Log in again.</source>
        <translation>Su sesión en %1 ha terminado. Inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>Core at %1</source>
        <translation>Núcleo en %1</translation>
    </message>
    <message>
        <source>Core at %1 · %2</source>
        <translation>Núcleo en %1 · %2</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>The name or the password is wrong, or the account is disabled.</source>
        <translation>El nombre o la contraseña no son correctos, o la cuenta está desactivada.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this name is locked for a few minutes. Try again later, or ask an administrator.</source>
        <translation>Demasiadas contraseñas incorrectas: este nombre queda bloqueado unos minutos. Inténtelo más tarde o pida ayuda a un administrador.</translation>
    </message>
    <message>
        <source>Cannot log in to %1: %2</source>
        <translation>No se puede iniciar sesión en %1: %2</translation>
    </message>
</context>
<context>
    <name>Switchboard::RerunDialog</name>
    <message>
        <source>Correct the input first</source>
        <translation>Corregir antes la entrada</translation>
    </message>
    <message>
        <source>Check what will happen</source>
        <translation>Comprobar qué pasará</translation>
    </message>
    <message>
        <source>Re-run execution %1</source>
        <translation>Repetir la ejecución %1</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>The execution&apos;s input, as JSON</source>
        <translation>La entrada de la ejecución, en JSON</translation>
    </message>
    <message>
        <source>Show the patient data first to correct the input</source>
        <translation>Muestre antes los datos del paciente para corregir la entrada</translation>
    </message>
    <message>
        <source>To correct the input, close this and choose Show patient data.</source>
        <translation>Para corregir la entrada, cierre esto y elija Mostrar datos del paciente.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Qué pasará</translation>
    </message>
    <message>
        <source>Start from step:</source>
        <translation>Empezar desde el paso:</translation>
    </message>
    <message>
        <source>A new execution of the same version starts at the chosen step. The steps before it keep what they gave the first time.</source>
        <translation>Una ejecución nueva de la misma versión empieza en el paso elegido. Los pasos anteriores conservan lo que dieron la primera vez.</translation>
    </message>
    <message>
        <source>The input is not valid JSON (line %1): %2</source>
        <translation>La entrada no es JSON válido (línea %1): %2</translation>
    </message>
    <message>
        <source>The input must be a JSON object, in { }.</source>
        <translation>La entrada debe ser un objeto JSON, entre { }.</translation>
    </message>
    <message>
        <source>Check what will happen before re-running.</source>
        <translation>Compruebe qué pasará antes de repetir.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>messages to patients</source>
        <translation>mensajes a pacientes</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>pagos</translation>
    </message>
    <message>
        <source>bookings</source>
        <translation>citas</translation>
    </message>
    <message>
        <source>video visits</source>
        <translation>videoconsultas</translation>
    </message>
    <message>
        <source>Not done twice: the module answers from its idempotency key</source>
        <translation>No se hace dos veces: el módulo responde por su clave de idempotencia</translation>
    </message>
    <message>
        <source>New call, not made the first time — changes %1</source>
        <translation>Llamada nueva, no hecha la primera vez — cambia %1</translation>
    </message>
    <message>
        <source>New call, not made the first time</source>
        <translation>Llamada nueva, no hecha la primera vez</translation>
    </message>
    <message>
        <source>Cannot tell yet: it depends on steps before it</source>
        <translation>Aún no se sabe: depende de pasos anteriores</translation>
    </message>
    <message>
        <source>Made again — changes %1 again</source>
        <translation>Se repite — vuelve a cambiar %1</translation>
    </message>
    <message>
        <source>Made again</source>
        <translation>Se repite</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No module is called from this step on.</source>
        <translation>Desde este paso no se llama a ningún módulo.</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>Calls made again: %1.</source>
        <translation>Llamadas que se repiten: %1.</translation>
    </message>
    <message>
        <source>Calls that change something outside (messages, payments, bookings): %1.</source>
        <translation>Llamadas que cambian algo fuera (mensajes, pagos, citas): %1.</translation>
    </message>
    <message>
        <source>Calls kept from acting twice by their idempotency key: %1.</source>
        <translation>Llamadas que su clave de idempotencia evita repetir: %1.</translation>
    </message>
    <message>
        <source>Cannot re-run from this step: %1</source>
        <translation>No se puede repetir desde este paso: %1</translation>
    </message>
</context>
<context>
    <name>Switchboard::ReviewFieldsEditor</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Patient data</source>
        <translation>Datos del paciente</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Types: %1</source>
        <translation>Tipos: %1</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Añadir campo</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>Quitar campo</translation>
    </message>
    <message>
        <source>Field %1 needs a name.</source>
        <translation>El campo %1 necesita un nombre.</translation>
    </message>
    <message>
        <source>Two fields are named &quot;%1&quot;.</source>
        <translation>Dos campos se llaman «%1».</translation>
    </message>
    <message>
        <source>Field &quot;%1&quot;: &quot;%2&quot; is not a type (%3).</source>
        <translation>Campo «%1»: «%2» no es un tipo (%3).</translation>
    </message>
</context>
<context>
    <name>Switchboard::ReviewView</name>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>Escalar</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Contactado</translation>
    </message>
    <message>
        <source>Review queues</source>
        <translation>Colas de revisión</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Colas</translation>
    </message>
    <message>
        <source>Filter tasks (Ctrl+F)</source>
        <translation>Filtrar tareas (Ctrl+F)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Approve every selected task whose form needs nothing more (select with Shift or Ctrl and the arrow keys or the mouse).</source>
        <translation>Aprobar cada tarea seleccionada cuyo formulario ya está completo (seleccione con Mayús o Ctrl y las flechas o el ratón).</translation>
    </message>
    <message>
        <source>Comment or reason (shown in the audit trail as given)</source>
        <translation>Comentario o motivo (queda en la auditoría tal cual)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Keys: Ctrl+Enter first decision · Alt+1…9 decisions in order · Ctrl+J / Ctrl+K next / previous task · Ctrl+L claim · F2 first field · F1 all shortcuts</source>
        <translation>Teclas: Ctrl+Intro primera decisión · Alt+1…9 decisiones en orden · Ctrl+J / Ctrl+K tarea siguiente / anterior · Ctrl+L tomar · F2 primer campo · F1 todos los atajos</translation>
    </message>
    <message>
        <source>No task selected. New tasks appear here as soon as a workflow asks for a person&apos;s check.</source>
        <translation>No hay ninguna tarea seleccionada. Las nuevas tareas aparecen aquí en cuanto un flujo pide la revisión de una persona.</translation>
    </message>
    <message>
        <source>%1 · SLA: &lt;span style=&apos;color:%2&apos;&gt;%3&lt;/span&gt; · %4</source>
        <translation>%1 · SLA: &lt;span style=&apos;color:%2&apos;&gt;%3&lt;/span&gt; · %4</translation>
    </message>
    <message>
        <source>nobody is on it yet</source>
        <translation>nadie la ha tomado aún</translation>
    </message>
    <message>
        <source>you are on it</source>
        <translation>la tiene usted</translation>
    </message>
    <message>
        <source>%1 is on it</source>
        <translation>la tiene %1</translation>
    </message>
    <message>
        <source>Execution %1</source>
        <translation>Ejecución %1</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Soltar</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Tomar</translation>
    </message>
    <message>
        <source>Give the task back to its queue (Ctrl+L)</source>
        <translation>Devolver la tarea a su cola (Ctrl+L)</translation>
    </message>
    <message>
        <source>Take the task, so nobody else works on it (Ctrl+L)</source>
        <translation>Tomar la tarea para que nadie más trabaje en ella (Ctrl+L)</translation>
    </message>
    <message>
        <source>Decide &quot;%1&quot; (Ctrl+Enter or Alt+1)</source>
        <translation>Decidir «%1» (Ctrl+Intro o Alt+1)</translation>
    </message>
    <message>
        <source>Decide &quot;%1&quot; (Alt+%2)</source>
        <translation>Decidir «%1» (Alt+%2)</translation>
    </message>
    <message>
        <source>Say why in the comment before rejecting.</source>
        <translation>Indique el motivo en el comentario antes de rechazar.</translation>
    </message>
    <message>
        <source>Decided: %1.</source>
        <translation>Decidido: %1.</translation>
    </message>
    <message>
        <source>%1 is working on this task.</source>
        <translation>%1 está trabajando en esta tarea.</translation>
    </message>
    <message>
        <source>Your decision was not recorded: %1</source>
        <translation>Su decisión no se registró: %1</translation>
    </message>
    <message>
        <source>Approve selected (%1)</source>
        <translation>Aprobar seleccionadas (%1)</translation>
    </message>
    <message>
        <source>Approving %1 tasks…</source>
        <translation>Aprobando %1 tareas…</translation>
    </message>
    <message>
        <source>Approved 1 task.</source>
        <translation>1 tarea aprobada.</translation>
    </message>
    <message>
        <source>Approved %1 tasks.</source>
        <translation>%1 tareas aprobadas.</translation>
    </message>
    <message>
        <source>Not approved: %1</source>
        <translation>Sin aprobar: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2)</source>
        <translation>«%1» (%2)</translation>
    </message>
</context>
<context>
    <name>Switchboard::SaveBar</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Deshacer cambios</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>Switchboard::SettingsForm</name>
    <message>
        <source>%1 in the env file</source>
        <translation>%1 en el archivo env</translation>
    </message>
    <message>
        <source>Set in %1: change it there.</source>
        <translation>Definido en %1: cámbielo allí.</translation>
    </message>
    <message>
        <source>%1 from the next start.</source>
        <translation>%1 desde el próximo inicio.</translation>
    </message>
    <message>
        <source>A change applies from the next start.</source>
        <translation>Un cambio se aplica desde el próximo inicio.</translation>
    </message>
    <message>
        <source>Changed by %1, %2.</source>
        <translation>Cambiado por %1, %2.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Saved and in effect.</source>
        <translation>Guardado y en vigor.</translation>
    </message>
    <message>
        <source>Saved. Some changes apply from the next start.</source>
        <translation>Guardado. Algunos cambios se aplican desde el próximo inicio.</translation>
    </message>
</context>
<context>
    <name>Switchboard::SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>El idioma del sistema</translation>
    </message>
    <message>
        <source>Console language:</source>
        <translation>Idioma de la consola:</translation>
    </message>
    <message>
        <source>This console</source>
        <translation>Esta consola</translation>
    </message>
    <message>
        <source>Connected to:</source>
        <translation>Conectada a:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versión:</translation>
    </message>
    <message>
        <source>Saved. Switchboard speaks this language from its next start.</source>
        <translation>Guardado. Switchboard usará este idioma desde el próximo inicio.</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de ajustes</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <source>Health checks</source>
        <translation>Comprobaciones de salud</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Data and backups</source>
        <translation>Datos y copias de seguridad</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Language and look</source>
        <translation>Idioma y aspecto</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>Console folder:</source>
        <translation>Carpeta de la consola:</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>Tokens de la API</translation>
    </message>
    <message>
        <source>Connect to a clinic…</source>
        <translation>Conectar con una clínica…</translation>
    </message>
    <message>
        <source>Opens another window on a clinic&apos;s core on another machine (Ctrl+Shift+O).</source>
        <translation>Abre otra ventana sobre el núcleo de una clínica en otro equipo (Ctrl+Mayús+O).</translation>
    </message>
</context>
<context>
    <name>Switchboard::SilenceDialog</name>
    <message>
        <source>No end</source>
        <translation>Sin fin</translation>
    </message>
    <message>
        <source>Silence alerts</source>
        <translation>Silenciar alertas</translation>
    </message>
    <message>
        <source>Any module</source>
        <translation>Cualquier módulo</translation>
    </message>
    <message>
        <source>Any rule</source>
        <translation>Cualquier regla</translation>
    </message>
    <message>
        <source>Module down</source>
        <translation>Módulo caído</translation>
    </message>
    <message>
        <source>Module degraded</source>
        <translation>Módulo degradado</translation>
    </message>
    <message>
        <source>Critical path blocked</source>
        <translation>Ruta crítica bloqueada</translation>
    </message>
    <message>
        <source>Circuit open</source>
        <translation>Circuito abierto</translation>
    </message>
    <message>
        <source>KPI threshold</source>
        <translation>Umbral de KPI</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Mensajes fallidos</translation>
    </message>
    <message>
        <source>Review SLA</source>
        <translation>SLA de revisión</translation>
    </message>
    <message>
        <source>Missing setting</source>
        <translation>Ajuste que falta</translation>
    </message>
    <message>
        <source>Notifications failing</source>
        <translation>Notificaciones fallando</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Una vez</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Cada día</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Cada semana</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Why, e.g. &quot;Cal.com upgrade&quot;</source>
        <translation>Por qué, p. ej. «Actualización de Cal.com»</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Módulo</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Empieza</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Termina</translation>
    </message>
    <message>
        <source>Each time from</source>
        <translation>Cada vez desde las</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Durante</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Los</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silenciar</translation>
    </message>
</context>
<context>
    <name>Switchboard::TaskForm</name>
    <message>
        <source>••• hidden for your role</source>
        <translation>••• oculto para su función</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— elija —</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>AAAA-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>How sure the reading was: %1 %</source>
        <translation>Fiabilidad de la lectura: %1 %</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 es obligatorio.</translation>
    </message>
    <message>
        <source>%1 must be a number.</source>
        <translation>%1 debe ser un número.</translation>
    </message>
    <message>
        <source>%1 must be a date like 2026-03-14.</source>
        <translation>%1 debe ser una fecha como 2026-03-14.</translation>
    </message>
    <message>
        <source>%1 must be a date and time like 2026-03-14 09:30.</source>
        <translation>%1 debe ser una fecha y hora como 2026-03-14 09:30.</translation>
    </message>
</context>
<context>
    <name>Switchboard::TaskTableModel</name>
    <message>
        <source>OCR review</source>
        <translation>Revisión de OCR</translation>
    </message>
    <message>
        <source>AI reply approval</source>
        <translation>Aprobación de respuestas de IA</translation>
    </message>
    <message>
        <source>AI reply escalation</source>
        <translation>Respuestas de IA escaladas</translation>
    </message>
    <message>
        <source>Manual booking</source>
        <translation>Reserva manual</translation>
    </message>
    <message>
        <source>Payment escalation</source>
        <translation>Escalado de pagos</translation>
    </message>
    <message>
        <source>Invoice approval</source>
        <translation>Aprobación de facturas</translation>
    </message>
    <message>
        <source>Supervisors (past SLA)</source>
        <translation>Supervisores (SLA vencido)</translation>
    </message>
    <message>
        <source>no SLA</source>
        <translation>sin SLA</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>quedan %1</translation>
    </message>
    <message>
        <source>%1 over</source>
        <translation>%1 de retraso</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (de %2)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Vence %1</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Espera</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>espera %1</translation>
    </message>
    <message>
        <source>taken by %1</source>
        <translation>la tiene %1</translation>
    </message>
    <message>
        <source>not taken yet</source>
        <translation>nadie la ha tomado aún</translation>
    </message>
</context>
<context>
    <name>Switchboard::TestRunPanel</name>
    <message>
        <source>The selected step in the test run</source>
        <translation>El paso seleccionado en la prueba</translation>
    </message>
    <message>
        <source>Test run (Ctrl+R): select a step to see what it was given and gave.</source>
        <translation>Prueba (Ctrl+R): seleccione un paso para ver lo que recibió y lo que dio.</translation>
    </message>
    <message>
        <source>Select a step to see what it was given and gave in the test run.</source>
        <translation>Seleccione un paso para ver lo que recibió y lo que dio en la prueba.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; did not run in the test run.</source>
        <translation>«%1» no se ejecutó en la prueba.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2, one attempt.</source>
        <translation>«%1»: %2, un intento.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2, %3 attempts.</source>
        <translation>«%1»: %2, %3 intentos.</translation>
    </message>
</context>
<context>
    <name>Switchboard::TimeSeriesModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
</context>
<context>
    <name>Switchboard::TimelineChart</name>
    <message>
        <source>Timeline of the execution&apos;s steps</source>
        <translation>Cronología de los pasos de la ejecución</translation>
    </message>
    <message>
        <source>Module call</source>
        <translation>Llamada a módulo</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>Esperando para reintentar</translation>
    </message>
    <message>
        <source>Waiting for a timer</source>
        <translation>Esperando un temporizador</translation>
    </message>
    <message>
        <source>Waiting for an event</source>
        <translation>Esperando un evento</translation>
    </message>
    <message>
        <source>Waiting for a review</source>
        <translation>Esperando una revisión</translation>
    </message>
    <message>
        <source>Undoing the step</source>
        <translation>Deshaciendo el paso</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <source>No clear answer</source>
        <translation>Sin respuesta clara</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Tiempo agotado</translation>
    </message>
    <message>
        <source>Still going</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>, attempt %1</source>
        <translation>, intento %1</translation>
    </message>
    <message>
        <source>Began %1, took %2 — %3</source>
        <translation>Empezó %1, duró %2 — %3</translation>
    </message>
    <message>
        <source>Nothing has run yet.</source>
        <translation>Todavía no se ha ejecutado nada.</translation>
    </message>
    <message>
        <source>Waiting for another workflow</source>
        <translation>Esperando a otro flujo de trabajo</translation>
    </message>
</context>
<context>
    <name>Switchboard::TrendChart</name>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 a las %2: %3</translation>
    </message>
</context>
<context>
    <name>Switchboard::VersionHistory</name>
    <message>
        <source>Open the older one as the draft</source>
        <translation>Abrir la más antigua como borrador</translation>
    </message>
    <message>
        <source>Version history</source>
        <translation>Historial de versiones</translation>
    </message>
    <message>
        <source>Replaces the canvas with that version; Undo brings the canvas back.</source>
        <translation>Sustituye el lienzo por esa versión; Deshacer recupera el lienzo.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Version history of %1</source>
        <translation>Historial de versiones de %1</translation>
    </message>
    <message>
        <source>The draft on the canvas</source>
        <translation>El borrador del lienzo</translation>
    </message>
    <message>
        <source>Version %1 — %2 (%3)</source>
        <translation>Versión %1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Sin diferencias.</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>AI reply approval</source>
        <translation>Aprobación de respuestas de IA</translation>
    </message>
    <message>
        <source>An AI-drafted reply is sent at once when its confidence is 85 % or more, waits for a person&apos;s approval between 60 % and 84 %, and is escalated below 60 %.</source>
        <translation>Una respuesta redactada por IA se envía en el acto con una confianza del 85 % o más, espera la aprobación de una persona entre el 60 % y el 84 %, y se escala por debajo del 60 %.</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Approve reply</source>
        <translation>Aprobar la respuesta</translation>
    </message>
    <message>
        <source>Approve a reply ({{ Math.round(input.confidence * 100) }} % confidence)</source>
        <translation>Aprobar una respuesta ({{ Math.round(input.confidence * 100) }} % de confianza)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Escalated reply</source>
        <translation>Respuesta escalada</translation>
    </message>
    <message>
        <source>Answer a message the assistant could not ({{ Math.round(input.confidence * 100) }} % confidence)</source>
        <translation>Contestar un mensaje que el asistente no pudo ({{ Math.round(input.confidence * 100) }} % de confianza)</translation>
    </message>
    <message>
        <source>Send draft</source>
        <translation>Enviar el borrador</translation>
    </message>
    <message>
        <source>Send approved reply</source>
        <translation>Enviar la respuesta aprobada</translation>
    </message>
    <message>
        <source>Send staff reply</source>
        <translation>Enviar la respuesta del personal</translation>
    </message>
    <message>
        <source>Appointment reminders</source>
        <translation>Recordatorios de citas</translation>
    </message>
    <message>
        <source>At 09:00 every patient with an appointment tomorrow gets a reminder.</source>
        <translation>A las 09:00 cada paciente con cita mañana recibe un recordatorio.</translation>
    </message>
    <message>
        <source>Tomorrow&apos;s appointments</source>
        <translation>Citas de mañana</translation>
    </message>
    <message>
        <source>Send reminders</source>
        <translation>Enviar recordatorios</translation>
    </message>
    <message>
        <source>Document processing</source>
        <translation>Procesamiento de documentos</translation>
    </message>
    <message>
        <source>A scanned document over 10 MB is rejected. Below 90 % OCR confidence a person checks the fields before the document is stored; otherwise it is stored at once. Every outcome is audited.</source>
        <translation>Un documento escaneado de más de 10 MB se rechaza. Por debajo del 90 % de confianza del OCR una persona revisa los campos antes de guardarlo; si no, se guarda en el acto. Cada resultado queda en la auditoría.</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Reject (over 10 MB)</source>
        <translation>Rechazar (más de 10 MB)</translation>
    </message>
    <message>
        <source>OCR confidence</source>
        <translation>Confianza del OCR</translation>
    </message>
    <message>
        <source>Check OCR fields</source>
        <translation>Revisar los campos del OCR</translation>
    </message>
    <message>
        <source>Check the {{ input.document_type.split(&apos;_&apos;).join(&apos; &apos;) }} {{ input.document_id }} ({{ Math.round(input.confidence * 100) }} % sure)</source>
        <translation>Revisar {{ ({insurance_card: &apos;la tarjeta del seguro&apos;, id_card: &apos;el documento de identidad&apos;, referral_letter: &apos;la carta de derivación&apos;})[input.document_type] || input.document_type }} {{ input.document_id }} ({{ Math.round(input.confidence * 100) }} % de certeza)</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Insurance number</source>
        <translation>Número de seguro</translation>
    </message>
    <message>
        <source>Store checked document</source>
        <translation>Guardar el documento revisado</translation>
    </message>
    <message>
        <source>Store document</source>
        <translation>Guardar el documento</translation>
    </message>
    <message>
        <source>Reject document</source>
        <translation>Rechazar el documento</translation>
    </message>
    <message>
        <source>Invoice approval</source>
        <translation>Aprobación de facturas</translation>
    </message>
    <message>
        <source>Invoices under $1,000 are approved automatically, under $10,000 by a manager, and from $10,000 by a director.</source>
        <translation>Las facturas de menos de 1.000 $ se aprueban solas, las de menos de 10.000 $ las aprueba un responsable y las de 10.000 $ o más, un director.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Aprobación del responsable</translation>
    </message>
    <message>
        <source>Approve invoice {{ input.invoice_id }} from {{ input.vendor }}: ${{ input.amount }}</source>
        <translation>Aprobar la factura {{ input.invoice_id }} de {{ input.vendor }}: {{ input.amount }} $</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Director approval</source>
        <translation>Aprobación del director</translation>
    </message>
    <message>
        <source>Director approval for invoice {{ input.invoice_id }} from {{ input.vendor }}: ${{ input.amount }}</source>
        <translation>Aprobación del director para la factura {{ input.invoice_id }} de {{ input.vendor }}: {{ input.amount }} $</translation>
    </message>
    <message>
        <source>Approve for payment</source>
        <translation>Aprobar para el pago</translation>
    </message>
    <message>
        <source>Reject invoice</source>
        <translation>Rechazar la factura</translation>
    </message>
    <message>
        <source>Morning report</source>
        <translation>Informe de la mañana</translation>
    </message>
    <message>
        <source>At 07:00 the KPIs of the last 24 hours are gathered into a report for the clinic manager.</source>
        <translation>A las 07:00 las cifras clave de las últimas 24 horas se reúnen en un informe para la dirección de la clínica.</translation>
    </message>
    <message>
        <source>Gather KPIs</source>
        <translation>Reunir las cifras clave</translation>
    </message>
    <message>
        <source>Build the report</source>
        <translation>Preparar el informe</translation>
    </message>
    <message>
        <source>Send to the manager</source>
        <translation>Enviar a la dirección</translation>
    </message>
    <message>
        <source>New patient onboarding</source>
        <translation>Alta de pacientes nuevos</translation>
    </message>
    <message>
        <source>A new lead is scored: 8 or more books the first available slot, 5–7 is offered three slots, below 5 starts a nurture campaign. Bookings are confirmed by email and SMS at once and audited. If booking fails, staff get a manual-booking task and the patient hears we will call.</source>
        <translation>Se puntúa cada contacto nuevo: con 8 o más se reserva el primer hueco libre, con 5–7 se ofrecen tres huecos y por debajo de 5 empieza una campaña de seguimiento. Las reservas se confirman en el acto por correo y SMS y quedan en la auditoría. Si la reserva falla, el personal recibe una tarea de reserva manual y el paciente sabe que le llamaremos.</translation>
    </message>
    <message>
        <source>Lead score</source>
        <translation>Puntuación del contacto</translation>
    </message>
    <message>
        <source>Book first available slot</source>
        <translation>Reservar el primer hueco libre</translation>
    </message>
    <message>
        <source>Offer three slots</source>
        <translation>Ofrecer tres huecos</translation>
    </message>
    <message>
        <source>Send slot options</source>
        <translation>Enviar los huecos</translation>
    </message>
    <message>
        <source>Start nurture campaign</source>
        <translation>Iniciar la campaña de seguimiento</translation>
    </message>
    <message>
        <source>&quot;We&apos;ll contact you soon&quot;</source>
        <translation>«Le llamaremos pronto»</translation>
    </message>
    <message>
        <source>Manual booking</source>
        <translation>Reserva manual</translation>
    </message>
    <message>
        <source>Book a consultation by hand for patient {{ input.patient_id }}</source>
        <translation>Reservar a mano una consulta para el paciente {{ input.patient_id }}</translation>
    </message>
    <message>
        <source>Slot booked</source>
        <translation>Hueco reservado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Confirm by email and SMS</source>
        <translation>Confirmar por correo y SMS</translation>
    </message>
    <message>
        <source>Email confirmation</source>
        <translation>Confirmación por correo</translation>
    </message>
    <message>
        <source>SMS confirmation</source>
        <translation>Confirmación por SMS</translation>
    </message>
    <message>
        <source>Nightly cleanup</source>
        <translation>Limpieza nocturna</translation>
    </message>
    <message>
        <source>At 23:00 stale leads are archived, temporary documents purged and the audit log rotated, all at once.</source>
        <translation>A las 23:00 se archivan los contactos antiguos, se borran los documentos temporales y se rota el registro de auditoría, todo a la vez.</translation>
    </message>
    <message>
        <source>Archive stale leads</source>
        <translation>Archivar contactos antiguos</translation>
    </message>
    <message>
        <source>Purge temporary documents</source>
        <translation>Borrar documentos temporales</translation>
    </message>
    <message>
        <source>Rotate audit log</source>
        <translation>Rotar el registro de auditoría</translation>
    </message>
    <message>
        <source>Nightly cleanup finished</source>
        <translation>Limpieza nocturna terminada</translation>
    </message>
    <message>
        <source>No-show reschedule</source>
        <translation>Nueva cita tras una ausencia</translation>
    </message>
    <message>
        <source>After a missed appointment the patient is offered new times; if they do not book within two days a follow-up campaign takes over.</source>
        <translation>Tras una cita perdida se ofrecen nuevas horas al paciente; si no reserva en dos días, sigue una campaña de seguimiento.</translation>
    </message>
    <message>
        <source>Offer new times</source>
        <translation>Ofrecer nuevas horas</translation>
    </message>
    <message>
        <source>Text the offer</source>
        <translation>Enviar la oferta por SMS</translation>
    </message>
    <message>
        <source>Follow-up campaign</source>
        <translation>Campaña de seguimiento</translation>
    </message>
    <message>
        <source>Payment failure recovery</source>
        <translation>Recuperación de pagos fallidos</translation>
    </message>
    <message>
        <source>After a declined payment the charge is tried again after 24 hours, 72 hours and 7 days, with a reminder each time; if it still fails, staff call the patient.</source>
        <translation>Tras un pago rechazado el cobro se reintenta a las 24 horas, a las 72 horas y a los 7 días, con un recordatorio cada vez; si sigue fallando, el personal llama al paciente.</translation>
    </message>
    <message>
        <source>Tell the patient</source>
        <translation>Avisar al paciente</translation>
    </message>
    <message>
        <source>Retry after 24 h</source>
        <translation>Reintentar a las 24 h</translation>
    </message>
    <message>
        <source>Retry after 72 h</source>
        <translation>Reintentar a las 72 h</translation>
    </message>
    <message>
        <source>Retry after 7 days</source>
        <translation>Reintentar a los 7 días</translation>
    </message>
    <message>
        <source>Call the patient</source>
        <translation>Llamar al paciente</translation>
    </message>
    <message>
        <source>Outstanding payment: ${{ input.amount_usd }} (reason {{ input.reason_code }})</source>
        <translation>Pago pendiente: {{ input.amount_usd }} $ (motivo {{ input.reason_code }})</translation>
    </message>
    <message>
        <source>Call outcome</source>
        <translation>Resultado de la llamada</translation>
    </message>
    <message>
        <source>Telehealth session</source>
        <translation>Sesión de telemedicina</translation>
    </message>
    <message>
        <source>Takes the deposit before the session exists, creates the video session, sends the link, waits for the session to end and asks for feedback. A failure refunds and cancels what was done.</source>
        <translation>Cobra el depósito antes de crear la sesión, crea la videoconsulta, envía el enlace, espera a que termine y pide opinión. Si algo falla, reembolsa y cancela lo hecho.</translation>
    </message>
    <message>
        <source>Charge deposit</source>
        <translation>Cobrar el depósito</translation>
    </message>
    <message>
        <source>Create video session</source>
        <translation>Crear la videoconsulta</translation>
    </message>
    <message>
        <source>Send the link</source>
        <translation>Enviar el enlace</translation>
    </message>
    <message>
        <source>Session ends</source>
        <translation>Fin de la sesión</translation>
    </message>
    <message>
        <source>Post-visit survey</source>
        <translation>Encuesta tras la visita</translation>
    </message>
    <message>
        <source>Telehealth session for booking {{ input.booking_id }} did not take place</source>
        <translation>La sesión de telemedicina de la reserva {{ input.booking_id }} no tuvo lugar</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Record in the audit log</source>
        <translation>Registrar en la auditoría</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Both confirmations sent</source>
        <translation>Enviadas las dos confirmaciones</translation>
    </message>
    <message>
        <source>All three at once</source>
        <translation>Las tres a la vez</translation>
    </message>
    <message>
        <source>When all three are done</source>
        <translation>Cuando las tres terminen</translation>
    </message>
    <message>
        <source>Tell the team</source>
        <translation>Avisar al equipo</translation>
    </message>
    <message>
        <source>Wait an hour</source>
        <translation>Esperar una hora</translation>
    </message>
    <message>
        <source>Patient books again</source>
        <translation>El paciente vuelve a reservar</translation>
    </message>
    <message>
        <source>Wait 24 hours</source>
        <translation>Esperar 24 horas</translation>
    </message>
    <message>
        <source>Wait 72 hours</source>
        <translation>Esperar 72 horas</translation>
    </message>
    <message>
        <source>Wait 7 days</source>
        <translation>Esperar 7 días</translation>
    </message>
    <message>
        <source>Tell the team about the no-show</source>
        <translation>Avisar al equipo de la ausencia</translation>
    </message>
</context>
<context>
    <name>WorkflowProblems</name>
    <message>
        <source>step &quot;%1&quot;: %2</source>
        <translation>paso «%1»: %2</translation>
    </message>
    <message>
        <source>step &quot;%1&quot;, %2: %3</source>
        <translation>paso «%1», %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the workflow has %1 nodes and %2 connections; at most %3 nodes and %4 connections are allowed (WORKFLOW_MAX_NODES)</source>
        <translation>el flujo tiene %1 pasos y %2 conexiones; se permiten como mucho %3 pasos y %4 conexiones (WORKFLOW_MAX_NODES)</translation>
    </message>
    <message>
        <source>at most %1 correlation keys</source>
        <translation>como mucho %1 claves de correlación</translation>
    </message>
    <message>
        <source>a key&apos;s name is lower-case letters, digits and &quot;_&quot;, e.g. patient_id</source>
        <translation>el nombre de una clave lleva minúsculas, dígitos y «_», p. ej. patient_id</translation>
    </message>
    <message>
        <source>where the value is in the input, as &quot;input.&lt;field&gt;&quot; (e.g. &quot;input.patient_id&quot;)</source>
        <translation>dónde está el valor en la entrada, como «input.&lt;campo&gt;» (p. ej. «input.patient_id»)</translation>
    </message>
    <message>
        <source>the expression does not compile: %1</source>
        <translation>la expresión no es válida: %1</translation>
    </message>
    <message>
        <source>the template does not compile: %1</source>
        <translation>la plantilla no es válida: %1</translation>
    </message>
    <message>
        <source>expected a duration such as &quot;30s&quot;, &quot;15m&quot; or &quot;7d&quot;, of at most 366d</source>
        <translation>se espera una duración como «30s», «15m» o «7d», de como mucho 366d</translation>
    </message>
    <message>
        <source>another node has the same id</source>
        <translation>otro paso tiene el mismo id</translation>
    </message>
    <message>
        <source>unknown module &quot;%1&quot; (expected 01_intake … 09_compliance)</source>
        <translation>módulo desconocido «%1» (se espera de 01_intake a 09_compliance)</translation>
    </message>
    <message>
        <source>unknown module &quot;%1&quot;</source>
        <translation>módulo desconocido «%1»</translation>
    </message>
    <message>
        <source>another case has the label &quot;%1&quot;</source>
        <translation>otro caso tiene la etiqueta «%1»</translation>
    </message>
    <message>
        <source>must be from 1 to the number of incoming branches (%1)</source>
        <translation>debe ir de 1 al número de ramas que llegan (%1)</translation>
    </message>
    <message>
        <source>a delay needs a duration (e.g. &quot;24h&quot;) or an until expression</source>
        <translation>un retardo necesita una duración (p. ej. «24h») o una expresión «hasta»</translation>
    </message>
    <message>
        <source>a choice field needs options</source>
        <translation>un campo de elección necesita opciones</translation>
    </message>
    <message>
        <source>the workflow needs a trigger node</source>
        <translation>el flujo necesita un paso de inicio</translation>
    </message>
    <message>
        <source>the workflow has %1 trigger nodes; it needs exactly one</source>
        <translation>el flujo tiene %1 pasos de inicio; necesita exactamente uno</translation>
    </message>
    <message>
        <source>the schedule cannot be read: %1</source>
        <translation>no se puede leer el horario: %1</translation>
    </message>
    <message>
        <source>no node has the id &quot;%1&quot;</source>
        <translation>ningún paso tiene el id «%1»</translation>
    </message>
    <message>
        <source>the same connection to &quot;%1&quot; appears twice</source>
        <translation>la misma conexión a «%1» aparece dos veces</translation>
    </message>
    <message>
        <source>an end node cannot lead anywhere</source>
        <translation>un paso de fin no puede llevar a ninguna parte</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an output of this node (it has: %2)</source>
        <translation>«%1» no es una salida de este paso (tiene: %2)</translation>
    </message>
    <message>
        <source>nothing can lead into the trigger</source>
        <translation>nada puede llevar al inicio</translation>
    </message>
    <message>
        <source>the condition has no default branch: connect its &quot;%1&quot; output</source>
        <translation>la condición no tiene rama por defecto: conecte su salida «%1»</translation>
    </message>
    <message>
        <source>the outcome &quot;%1&quot; leads nowhere</source>
        <translation>el resultado «%1» no lleva a ninguna parte</translation>
    </message>
    <message>
        <source>connect the &quot;timeout&quot; output: what happens when the event never comes?</source>
        <translation>conecte la salida «timeout»: ¿qué pasa si el evento no llega nunca?</translation>
    </message>
    <message>
        <source>connect the &quot;event&quot; output</source>
        <translation>conecte la salida «event»</translation>
    </message>
    <message>
        <source>nothing follows this node: connect it, or finish with an end node</source>
        <translation>nada sigue a este paso: conéctelo o termine con un paso de fin</translation>
    </message>
    <message>
        <source>no path from the trigger reaches this node</source>
        <translation>ningún camino desde el inicio llega a este paso</translation>
    </message>
    <message>
        <source>these nodes form a loop with no wait in it (a review, a wait for an event, or a delay of at least a second), which would run without end: %1</source>
        <translation>estos pasos forman un bucle sin espera (una revisión, una espera de evento o un retardo de al menos un segundo), que se repetiría sin fin: %1</translation>
    </message>
    <message>
        <source>stands in for the n8n node &quot;%1&quot; (%2), which was not converted: %3. Replace it with a Switchboard step</source>
        <translation>sustituye al nodo de n8n &quot;%1&quot; (%2), que no se convirtió: %3. Reemplácelo por un paso de Switchboard</translation>
    </message>
    <message>
        <source>choose the workflow this step runs</source>
        <translation>elija el flujo de trabajo que ejecuta este paso</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a workflow id (lower-case letters, digits and -)</source>
        <translation>&quot;%1&quot; no es un id de flujo de trabajo (minúsculas, dígitos y -)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Configuration refused</source>
        <translation>Configuración rechazada</translation>
    </message>
    <message>
        <source>Switchboard cannot use its configuration:

%1

Correct it and start again.</source>
        <translation>Switchboard no puede usar su configuración:

%1

Corríjala e inicie de nuevo.</translation>
    </message>
    <message>
        <source>No modules configured</source>
        <translation>No hay módulos configurados</translation>
    </message>
    <message>
        <source>No clinic modules are configured yet.

Open the demo clinic, a simulated set of the nine modules with live traffic, to explore Switchboard?</source>
        <translation>Aún no hay módulos de la clínica configurados.

¿Abrir la clínica de demostración, un conjunto simulado de los nueve módulos con tráfico en directo, para explorar Switchboard?</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>No se puede conectar</translation>
    </message>
    <message>
        <source>This address cannot be used:

%1</source>
        <translation>No se puede usar esta dirección:

%1</translation>
    </message>
    <message>
        <source>Switchboard · %1</source>
        <translation>Switchboard · %1</translation>
    </message>
</context>
</TS>
