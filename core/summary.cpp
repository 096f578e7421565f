#include "summary.hpp"
