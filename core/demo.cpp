#include "demo.hpp"
