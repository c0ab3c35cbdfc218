#include "TimerTask.h"
