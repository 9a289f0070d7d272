#include "common/logging.h"

Q_LOGGING_CATEGORY(lcConfig, "switchboard.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHealth, "switchboard.health", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFeed, "switchboard.feed", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "switchboard.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSim, "switchboard.sim", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "switchboard.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "switchboard.service", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "switchboard.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEngine, "switchboard.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAlerts, "switchboard.alerts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNotify, "switchboard.notify", QtInfoMsg)
